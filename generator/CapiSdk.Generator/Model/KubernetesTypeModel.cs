namespace CapiSdk.Generator.Model;

/// <summary>
/// One KubernetesClient class as the matcher sees it (<see cref="Parsing.KubernetesTypeMatcher"/>): the properties the
/// JSON context can read and write (an <c>Initialized</c> one is a value type that is never null, so always written),
/// and the JSON names of those it cannot (a type it has no metadata for), which a schema must not have.
/// </summary>
internal sealed record KubernetesTypeModel(string FullName, EquatableArray<PropertyModel> Properties, EquatableArray<string> Unreadable)
{
    /// <summary>The number of fields the class has on the wire.</summary>
    public int FieldCount => Properties.Count + Unreadable.Count;
}
