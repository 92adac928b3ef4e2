namespace CapiSdk.Generator.Model;

/// <summary>
/// What the generator needs from the compilation: whether KubernetesClient is referenced, and the shapes of its
/// classes the models embed (V1ObjectMeta, V1ListMeta and what they hold), for the JSON context.
/// </summary>
internal sealed record ExternalTypesModel(bool HasKubernetesClient, EquatableArray<ObjectTypeModel> Objects)
{
    public static readonly ExternalTypesModel Missing = new(false, EquatableArray<ObjectTypeModel>.Empty);
}
