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

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes <c>/// &lt;summary&gt;</c> (and remarks when there are facts), one comment line per text line.</summary>
    public SourceWriter Doc(string? summary, System.Collections.Generic.IReadOnlyList<string>? facts = null, bool escaped = false)
    {
        Line("/// <summary>");
        foreach (var line in SplitLines(string.IsNullOrWhiteSpace(summary) ? string.Empty : summary!))
        {
            Line("/// " + (escaped ? line : EscapeXml(line)));
        }

        Line("/// </summary>");
        if (facts is { Count: > 0 })
        {
            Line("/// <remarks>");
            foreach (var fact in facts)
            {
                Line("/// <para>" + fact + "</para>");
            }

            Line("/// </remarks>");
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

    private static string[] SplitLines(string text) =>
        text.Trim().Replace("\r\n", "\n").Split(new[] { '\n' }, StringSplitOptions.None);
}
