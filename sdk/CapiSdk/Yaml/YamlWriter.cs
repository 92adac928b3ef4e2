using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CapiSdk.Yaml;

/// <summary>
/// Writes JSON nodes as block YAML in kubectl's layout (two-space indent, list items at their key's indent), one
/// document each, separated by <c>---</c>. Numbers keep their digits; strings that would read back as anything else
/// are double-quoted; multi-line strings are literal blocks.
/// </summary>
internal static class YamlWriter
{
    public static void WriteDocuments(TextWriter writer, IEnumerable<JsonNode?> documents)
    {
        var emitter = new Emitter(writer, 2, int.MaxValue);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            Write(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }
        emitter.Emit(new StreamEnd());
    }

    private static void Write(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(Plain("null"));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (name, value) in obj)
                {
                    emitter.Emit(Text(name));
                    Write(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Write(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            default:
                emitter.Emit(node.GetValueKind() switch
                {
                    JsonValueKind.String => Text(node.GetValue<string>()),
                    JsonValueKind.True => Plain("true"),
                    JsonValueKind.False => Plain("false"),
                    _ => Plain(node.ToJsonString()),
                });
                break;
        }
    }

    private static Scalar Text(string value)
    {
        var style = YamlScalars.NeedsQuotes(value) ? ScalarStyle.DoubleQuoted
            : value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: style == ScalarStyle.Any, isQuotedImplicit: true);
    }

    private static Scalar Plain(string value) => new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);
}
