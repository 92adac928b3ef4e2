using System;
using System.Text;

namespace CapiSdk.Generator.Emitting;

/// <summary>An indenting writer for generated C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>A file-scoped namespace declaration: the types after it are not indented.</summary>
    public SourceWriter Namespace(string name) => Line("namespace " + name + ";").Line();

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>
    /// Writes <c>/// &lt;summary&gt;</c>: one comment line per paragraph (a paragraph's line breaks are whitespace in
    /// XML docs anyway), on the summary's own line when there is one, else each a <c>&lt;para&gt;</c>; and the facts
    /// as one line of <c>&lt;remarks&gt;</c>, one sentence each (a paragraph per fact cost 13 characters a fact).
    /// </summary>
    public SourceWriter Doc(string? summary, System.Collections.Generic.IReadOnlyList<string>? facts = null, bool escaped = false)
    {
        var paragraphs = Paragraphs(string.IsNullOrWhiteSpace(summary) ? string.Empty : summary!);
        if (paragraphs.Count == 1)
        {
            Line("/// <summary>" + (escaped ? paragraphs[0] : EscapeXml(paragraphs[0])) + "</summary>");
        }
        else
        {
            Line("/// <summary>");
            foreach (var paragraph in paragraphs)
            {
                Line("/// <para>" + (escaped ? paragraph : EscapeXml(paragraph)) + "</para>");
            }

            Line("/// </summary>");
        }

        if (facts is { Count: > 0 })
        {
            Line("/// <remarks>" + string.Join(" ", facts) + "</remarks>");
        }

        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string EscapeXml(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The text's paragraphs (separated by blank lines), each with its lines joined by a space.</summary>
    private static System.Collections.Generic.List<string> Paragraphs(string text)
    {
        var paragraphs = new System.Collections.Generic.List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Trim().Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(line);
        }

        paragraphs.Add(current.ToString());
        return paragraphs;
    }
}
