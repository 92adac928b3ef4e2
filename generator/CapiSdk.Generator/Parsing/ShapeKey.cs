using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// The structural identity of a generated type. Two object schemas have one shape when they have the same
/// properties (JSON names, C# names, C# types, nested shapes) and the same wire facts: required, format, enum
/// values, nullable, list and map markers, preserved unknown fields, embedded resource. Descriptions and the
/// validation facts (bounds, patterns, defaults, CEL rules, <c>anyOf</c>...) do not count: they change no C#
/// and no JSON, only docs. A shape is hashed (SHA-256, 96 bits) so that a parent's key holds its children's
/// hashes, not their whole trees.
/// </summary>
internal static class ShapeKey
{
    /// <summary>The prefix of a type not named yet; the namer replaces every such name.</summary>
    public const string PlaceholderPrefix = "__Shape_";

    public static string Placeholder(string shape) => PlaceholderPrefix + shape;

    /// <summary>An object's shape; <paramref name="kind"/> set makes it the kind's own (never merged with another kind's).</summary>
    public static string Of(bool embedded, DocModel doc, IReadOnlyList<PropertyModel> properties, string? kind)
    {
        var key = new StringBuilder(kind ?? string.Empty).Append(embedded ? "embedded{" : "object{");
        Facts(key, doc);
        foreach (var property in properties.OrderBy(p => p.JsonName, StringComparer.Ordinal))
        {
            key.Append(property.JsonName).Append('=').Append(property.Name).Append(':').Append(property.Type.TypeName)
                .Append(property.Type.IsEnum ? "!" : string.Empty).Append(property.Initialized ? "+" : string.Empty);
            Facts(key, property.Doc);
            key.Append(';');
        }

        return Hash(key.Append('}').ToString());
    }

    /// <summary>An enum's shape; <paramref name="kind"/> as for objects.</summary>
    public static string Of(DocModel doc, IReadOnlyList<EnumMemberModel> members, string? kind)
    {
        var key = new StringBuilder(kind ?? string.Empty).Append("enum{");
        Facts(key, doc);
        foreach (var member in members)
        {
            key.Append(member.Value.Length).Append(':').Append(member.Value).Append('=').Append(member.Name).Append(';');
        }

        return Hash(key.Append('}').ToString());
    }

    private static void Facts(StringBuilder key, DocModel doc)
    {
        key.Append('[');
        foreach (var fact in doc.Facts.Where(SchemaFacts.IsShapeFact))
        {
            key.Append(fact).Append('|');
        }

        key.Append(']');
    }

    private static string Hash(string key)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
        var hex = new StringBuilder(24);
        for (var i = 0; i < 12; i++)
        {
            hex.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
