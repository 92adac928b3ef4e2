namespace CapiSdk.Generator.Model;

/// <summary>
/// Documentation of a type or member: the schema's description and the validation facts worth showing.
/// <see cref="InheritFrom"/>, when set, is the cref of an emitted member whose doc comment is exactly this one
/// (see <c>Pipeline/SharedDocs</c>): the comment is written as <c>&lt;inheritdoc cref="..."/&gt;</c> instead.
/// </summary>
internal sealed record DocModel(string? Summary, EquatableArray<string> Facts)
{
    public static readonly DocModel None = new(null, EquatableArray<string>.Empty);

    /// <summary>The <c>global::</c>-qualified cref of the member that carries this text, or null when this place writes it.</summary>
    public string? InheritFrom { get; init; }
}
