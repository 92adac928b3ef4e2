namespace CapiSdk.Client;

/// <summary>
/// A generated extensible enum (a schema's string <c>enum</c>): it holds any string, and the schema's values are
/// known. <see cref="StringEnumConverter{T}"/> reads and writes every such type.
/// </summary>
/// <typeparam name="TSelf">The enum type itself.</typeparam>
public interface IStringEnum<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>Every value the schema lists, in schema order.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>The value as written in JSON.</summary>
    string Value { get; }

    /// <summary>The value holding <paramref name="value"/>, known or not.</summary>
    /// <param name="value">The value as written in JSON.</param>
    static abstract TSelf Create(string value);
}
