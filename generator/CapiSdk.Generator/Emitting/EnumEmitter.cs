using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct with a static member per known value that still holds, reads
/// and writes a value it does not know (servers add values). A nested C# <c>enum</c> gives <c>switch</c> support;
/// CapiSdk.Client's <c>StringEnumConverter&lt;T&gt;</c> reads and writes it.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, EnumTypeModel type)
    {
        var name = type.Name;
        DocComments.Type(writer, type);
        writer.Line("[" + ModelTypeNames.Json + "JsonConverter(typeof(" + ClientLibrary.StringEnumConverter + "<" + name + ">))]");
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, " + ClientLibrary.StringEnum + "<" + name + ">");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Doc("Creates a value; any string is accepted, known or not.");
        writer.Line("/// <param name=\"value\">The value as written in JSON.</param>");
        writer.Line("public " + name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        writer.Doc("The known values of the schema, as a C# enum for <c>switch</c>; see <see cref=\"Known\"/>.", escaped: true);
        writer.Open("public enum Values");
        foreach (var member in type.Members)
        {
            writer.Doc("<c>" + SourceWriter.EscapeXml(member.Value) + "</c>", escaped: true).Line(member.Name + ",");
        }

        writer.Close();
        writer.Line();
        foreach (var member in type.Members)
        {
            writer.Doc("The value <c>" + SourceWriter.EscapeXml(member.Value) + "</c>.", escaped: true);
            writer.Line("public static " + name + " " + member.Name + " { get; } = new(" + SourceWriter.Literal(member.Value) + ");");
        }

        writer.Line();

        writer.Doc("Every value the schema lists, in schema order.");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new " + name + "[] { "
            + string.Join(", ", type.Members.Select(m => m.Name)) + " };");
        writer.Doc("The value as written in JSON.");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Doc("The value as a <see cref=\"Values\"/> member, or null when the schema does not list it.", escaped: true);
        writer.Line("public Values? Known => Value switch");
        writer.Line("{");
        foreach (var member in type.Members)
        {
            writer.Line("    " + SourceWriter.Literal(member.Value) + " => Values." + member.Name + ",");
        }

        writer.Line("    _ => null,");
        writer.Line("};");
        writer.Line();
        writer.Doc("True when the schema lists this value.");
        writer.Line("public bool IsKnown => Known is not null;");
        writer.Doc("Converts a string to this type.");
        writer.Line("public static implicit operator " + name + "(string value) => new(value);");
        writer.Doc("Compares two values by their JSON string.");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Doc("Compares two values by their JSON string.");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("static " + name + " " + ClientLibrary.StringEnum + "<" + name + ">.Create(string value) => new(value);");
        writer.Close();
    }
}
