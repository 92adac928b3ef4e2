using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The doc comment of a generated type or property: its summary (or a fallback naming it) and facts, or, when
/// another emitted member already carries the same text (<see cref="DocModel.InheritFrom"/>), one
/// <c>&lt;inheritdoc cref="..."/&gt;</c> line pointing at it.
/// </summary>
internal static class DocComments
{
    public static void Type(SourceWriter writer, TypeModel type) => Write(writer, type.Doc, type.Doc.Summary ?? type.Name + ".", escaped: false);

    public static void Property(SourceWriter writer, PropertyModel property) =>
        Write(writer, property.Doc, property.Doc.Summary ?? "The <c>" + SourceWriter.EscapeXml(property.JsonName) + "</c> field.", escaped: property.Doc.Summary is null);

    /// <summary>The comment <see cref="Type"/> writes in full, without indentation.</summary>
    public static string TypeText(TypeModel type) => Text(w => Type(w, type with { Doc = type.Doc with { InheritFrom = null } }));

    /// <summary>The comment <see cref="Property"/> writes in full, without indentation.</summary>
    public static string PropertyText(PropertyModel property) => Text(w => Property(w, property with { Doc = property.Doc with { InheritFrom = null } }));

    public static string InheritLine(string cref) => "/// <inheritdoc cref=\"" + SourceWriter.EscapeXml(cref) + "\"/>";

    private static void Write(SourceWriter writer, DocModel doc, string summary, bool escaped)
    {
        if (doc.InheritFrom is { } cref)
        {
            writer.Line(InheritLine(cref));
            return;
        }

        writer.Doc(summary, doc.Facts, escaped);
    }

    private static string Text(System.Action<SourceWriter> write)
    {
        var writer = new SourceWriter();
        write(writer);
        return writer.ToString();
    }
}
