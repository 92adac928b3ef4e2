namespace CapiSdk.Generator.Model;

/// <summary>Documentation of a type or member: the schema's description and the validation facts worth showing.</summary>
internal sealed record DocModel(string? Summary, EquatableArray<string> Facts)
{
    public static readonly DocModel None = new(null, EquatableArray<string>.Empty);
}
