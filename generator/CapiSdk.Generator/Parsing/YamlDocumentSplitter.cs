using System.Collections.Generic;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Splits a multi-document YAML text at its <c>---</c> markers, so one broken document does not hide the
/// others. Each part keeps the zero-based line where it starts, to put diagnostics on the right line.
/// </summary>
internal static class YamlDocumentSplitter
{
    public static List<(string Text, int FirstLine)> Split(string text)
    {
        var documents = new List<(string, int)>();
        var start = 0;
        var startLine = 0;
        var line = 0;
        var position = 0;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            if (IsMarker(text, position, lineEnd))
            {
                Add(documents, text, start, position, startLine);
                start = position;
                startLine = line;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        Add(documents, text, start, text.Length, startLine);
        return documents;
    }

    private static bool IsMarker(string text, int lineStart, int lineEnd)
    {
        if (lineEnd - lineStart < 3 || string.CompareOrdinal(text, lineStart, "---", 0, 3) != 0)
        {
            return false;
        }

        return lineEnd - lineStart == 3 || char.IsWhiteSpace(text[lineStart + 3]);
    }

    private static void Add(List<(string, int)> documents, string text, int start, int end, int startLine)
    {
        if (end <= start)
        {
            return;
        }

        var part = text.Substring(start, end - start);
        if (!string.IsNullOrWhiteSpace(part))
        {
            documents.Add((part, startLine));
        }
    }
}
