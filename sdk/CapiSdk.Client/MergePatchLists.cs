using System.Text.Json;

namespace CapiSdk.Client;

/// <summary>
/// Finds the lists in a merge patch. A JSON merge patch (RFC 7386) replaces a list whole, and custom resources have
/// no strategic merge, so a typed patch that sets one item of a list (one topology variable, one condition) would
/// remove every other item on the server. The typed merge patch refuses such a patch unless the caller asks for
/// the replacement; the message names each list and the ways to do what was meant.
/// </summary>
internal static class MergePatchLists
{
    /// <summary>Throws when the patch holds a list, naming each list's path.</summary>
    /// <param name="patch">The serialized patch.</param>
    /// <param name="kind">The kind, for the message.</param>
    public static void ThrowIfAny(ReadOnlySpan<byte> patch, string kind)
    {
        var paths = Find(patch);
        if (paths.Count == 0)
        {
            return;
        }

        throw new ArgumentException(
            "A typed merge patch of " + kind + " holds the list" + (paths.Count == 1 ? " " : "s ") + string.Join(", ", paths)
            + ". A JSON merge patch replaces a list whole (custom resources have no strategic merge), so every item the patch does not hold would be removed on the server. "
            + "To change some items, use server-side apply (ApplyAsync, or PatchFormat.Apply with a field manager: list-map items such as variables or conditions merge by their key); "
            + "or read the object, change the list and ReplaceAsync it; to replace the list on purpose, pass WriteOptions { ReplaceLists = true }.",
            "patch");
    }

    /// <summary>The dotted paths of the arrays in <paramref name="patch"/>, in document order (outermost only).</summary>
    /// <param name="patch">A JSON object.</param>
    public static List<string> Find(ReadOnlySpan<byte> patch)
    {
        var reader = new Utf8JsonReader(patch);
        var path = new List<string>();
        var found = new List<string>();
        string? property = null;
        var arrayDepth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartObject when arrayDepth == 0:
                    if (property is not null)
                    {
                        path.Add(property);
                        property = null;
                    }

                    break;
                case JsonTokenType.EndObject when arrayDepth == 0:
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                case JsonTokenType.StartArray:
                    if (arrayDepth++ == 0)
                    {
                        found.Add(string.Join(".", path.Append(property ?? string.Empty)));
                        property = null;
                    }

                    break;
                case JsonTokenType.EndArray:
                    arrayDepth--;
                    break;
                default:
                    if (arrayDepth == 0)
                    {
                        property = null;
                    }

                    break;
            }
        }

        return found;
    }
}
