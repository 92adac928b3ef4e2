namespace CapiSdk.Generator.Model;

/// <summary>
/// A C# type to emit beside a resource: an object or an enum. <see cref="Shape"/> identifies its structure
/// (equal shapes in one namespace become one type); <see cref="Use"/> says where it sits in the schema (null for
/// the kind itself).
/// </summary>
internal abstract record TypeModel(string Name, DocModel Doc)
{
    /// <summary>The structural identity: a hash of what the C# type and its wire contract consist of, descriptions and validation aside.</summary>
    public string Shape { get; init; } = string.Empty;

    /// <summary>Where this occurrence sits in the kind's schema; null for the kind's root type.</summary>
    public TypeUse? Use { get; init; }
}
