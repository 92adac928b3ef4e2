namespace CapiSdk.Testing.Schema;

/// <summary>The JSON types a schema node allows (its <c>type</c>, several for a nullable one), as flags.</summary>
[Flags]
internal enum SchemaKinds
{
    None = 0,
    Array = 1,
    Boolean = 2,
    Integer = 4,
    Null = 8,
    Number = 16,
    Object = 32,
    String = 64,
}
