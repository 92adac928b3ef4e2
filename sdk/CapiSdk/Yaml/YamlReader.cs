using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CapiSdk.Yaml;

/// <summary>
/// Reads a YAML stream (one or many documents) into JSON nodes: mappings, sequences, scalars resolved by
/// <see cref="YamlScalars"/>, anchors and aliases, merge keys (<c>&lt;&lt;</c>). Empty documents are skipped.
/// </summary>
internal sealed class YamlReader
{
    private const string CoreTags = "tag:yaml.org,2002:";
    private const string StringTag = CoreTags + "str";
    private readonly Parser _parser;
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);

    private YamlReader(TextReader reader) => _parser = new Parser(reader);

    /// <exception cref="YamlFormatException">The text is not YAML, or holds something JSON cannot (a non-scalar key, .inf).</exception>
    public static List<JsonNode> ReadDocuments(TextReader reader)
    {
        var yaml = new YamlReader(reader);
        var documents = new List<JsonNode>();
        try
        {
            yaml._parser.Consume<StreamStart>();
            while (yaml._parser.TryConsume<DocumentStart>(out _))
            {
                var node = yaml.ReadNode();
                yaml._parser.Consume<DocumentEnd>();
                yaml._anchors.Clear();
                if (node is not null)
                {
                    documents.Add(node);
                }
            }
            yaml._parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new YamlFormatException($"Invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        return documents;
    }

    private JsonNode? ReadNode()
    {
        var start = _parser.Current?.Start ?? Mark.Empty;
        try
        {
            return ReadNodeCore();
        }
        catch (FormatException e) when (e is not YamlFormatException)
        {
            throw new YamlFormatException($"Invalid YAML at line {start.Line}, column {start.Column}: {e.Message}", e);
        }
    }

    private JsonNode? ReadNodeCore()
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target?.DeepClone()
                : throw new FormatException($"the alias *{alias.Value.Value} names no anchor defined before it");
        }
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, Resolve(scalar));
        }
        if (_parser.TryConsume<SequenceStart>(out var sequence))
        {
            var array = new JsonArray();
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode());
            }
            return Remember(sequence.Anchor, array);
        }
        var mapping = _parser.Consume<MappingStart>();
        return Remember(mapping.Anchor, ReadMapping());
    }

    private JsonObject ReadMapping()
    {
        var result = new JsonObject();
        var merged = new List<JsonObject>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyAt = _parser.Current?.Start ?? Mark.Empty;
            if (!_parser.TryConsume<Scalar>(out var key))
            {
                throw new FormatException($"a mapping key at line {keyAt.Line} is not a scalar; JSON object keys are strings");
            }
            var value = ReadNode();
            if (key is { Value: "<<", Style: ScalarStyle.Plain })
            {
                merged.AddRange(value switch
                {
                    JsonObject one => [one],
                    JsonArray many when many.All(m => m is JsonObject) => many.Cast<JsonObject>(),
                    _ => throw new FormatException($"the merge key << at line {keyAt.Line} must name a mapping or a list of mappings"),
                });
                continue;
            }
            if (!result.TryAdd(key.Value, value))
            {
                throw new FormatException($"the key '{key.Value}' appears twice in one mapping (line {keyAt.Line})");
            }
        }
        foreach (var (name, value) in merged.SelectMany(m => m))
        {
            result.TryAdd(name, value?.DeepClone());
        }
        return result;
    }

    private static JsonNode? Resolve(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value.StartsWith(CoreTags, StringComparison.Ordinal))
        {
            return scalar.Tag.Value == StringTag ? JsonValue.Create(scalar.Value) : YamlScalars.ResolvePlain(scalar.Value);
        }
        return scalar.Style == ScalarStyle.Plain ? YamlScalars.ResolvePlain(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    private JsonNode? Remember(AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
        return node;
    }
}
