namespace CapiSdk.Generator.Model;

/// <summary>
/// One property of a generated class (or of a KubernetesClient class the JSON context covers).
/// <paramref name="Initialized"/> properties are never null: they start as a new instance.
/// <paramref name="IgnoreWhenNull"/>: the JSON metadata does not write the property when it is null.
/// </summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    JsonTypeModel Type,
    bool Initialized,
    bool IgnoreWhenNull,
    DocModel Doc)
{
    /// <summary>The declared C# type: nullable unless it starts initialized.</summary>
    public string DeclaredType => Initialized ? Type.TypeName : Type.TypeName + "?";

    /// <summary>The converter attribute a reflection-based serializer needs, if any.</summary>
    public string? ConverterAttribute => Type == JsonTypeModel.DateTimeOffset ? "global::k8s.KubernetesJson.KubernetesDateTimeOffsetConverter" : null;
}
