using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CapiSdk.Yaml;

/// <summary>
/// YAML for Kubernetes objects that round-trips exactly as their JSON does: YAML ↔ <see cref="JsonNode"/> ↔ the
/// generated System.Text.Json metadata, no reflection (trimming and NativeAOT safe). <c>2</c> stays a number and
/// <c>"2"</c> a string; extensible enums, <c>IntOrString</c> and free-form values (topology variables) are written as
/// their JSON is. Multi-document streams (<c>---</c>) are read into typed objects by apiVersion and kind.
/// </summary>
/// <remarks>
/// Scalars follow the YAML 1.2 core schema: only <c>true</c>/<c>false</c> are booleans (<c>yes</c>, <c>no</c>,
/// <c>on</c>, <c>off</c> are strings), with go-yaml's <c>0</c>-prefixed octal. Strings that any YAML reader could take
/// for something else are written double-quoted, so kubectl reads back what was written.
/// KubernetesClient's <c>k8s.KubernetesYaml</c> serializes by reflection over properties and cannot write these models
/// (it fails on <see cref="JsonNode"/> values and writes enums as objects): use this class for them.
/// </remarks>
public static class KubeYaml
{
    /// <summary>The object as one YAML document.</summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="type">Its JSON metadata (e.g. <c>CrdJsonContext.Default.GetTypeInfo(typeof(Cluster))</c>).</param>
    /// <returns>The YAML text.</returns>
    public static string Serialize<T>(T value, JsonTypeInfo<T> type) => FromJson(JsonSerializer.SerializeToNode(value, type));

    /// <summary>The object as one YAML document, with its metadata from a JSON context.</summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="context">A context with metadata for <typeparamref name="T"/> (e.g. <c>CrdJsonContext.Default</c>).</param>
    /// <returns>The YAML text.</returns>
    /// <exception cref="ArgumentException">The context has no metadata for <typeparamref name="T"/>.</exception>
    public static string Serialize<T>(T value, JsonSerializerContext context) => Serialize(value, TypeInfo<T>(context));

    /// <summary>Reads one YAML document as <typeparamref name="T"/>, with its metadata from a JSON context.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="yaml">YAML with exactly one non-empty document.</param>
    /// <param name="context">A context with metadata for <typeparamref name="T"/> (e.g. <c>CrdJsonContext.Default</c>).</param>
    /// <returns>The object.</returns>
    /// <exception cref="YamlFormatException">The YAML is invalid, empty or has more than one document.</exception>
    /// <exception cref="JsonException">The document does not fit <typeparamref name="T"/> (the message names the path).</exception>
    public static T Deserialize<T>(string yaml, JsonSerializerContext context) => Deserialize(yaml, TypeInfo<T>(context));

    /// <summary>Reads one YAML document as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="yaml">YAML with exactly one non-empty document.</param>
    /// <param name="type">JSON metadata of <typeparamref name="T"/>.</param>
    /// <returns>The object.</returns>
    /// <exception cref="YamlFormatException">The YAML is invalid, empty or has more than one document.</exception>
    /// <exception cref="JsonException">The document does not fit <typeparamref name="T"/> (the message names the path).</exception>
    public static T Deserialize<T>(string yaml, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ToJson(yaml).Deserialize(type) ?? throw new YamlFormatException($"The YAML document is null, not a {typeof(T).Name}.", null);
    }

    /// <summary>Reads one YAML document as JSON.</summary>
    /// <param name="yaml">YAML with exactly one non-empty document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="YamlFormatException">The YAML is invalid, empty or has more than one document.</exception>
    public static JsonNode ToJson(string yaml)
    {
        var documents = ReadDocuments(yaml);
        return documents.Count == 1
            ? documents[0]
            : throw new YamlFormatException($"Expected one YAML document, found {documents.Count}; read several with {nameof(DeserializeAll)} or {nameof(ReadDocuments)}.", null);
    }

    /// <summary>Every non-empty document of a YAML stream, as JSON.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The documents, in order.</returns>
    /// <exception cref="YamlFormatException">The YAML is invalid.</exception>
    public static IReadOnlyList<JsonNode> ReadDocuments(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return ReadDocuments(reader);
    }

    /// <inheritdoc cref="ReadDocuments(string)"/>
    /// <param name="reader">The YAML text (e.g. <c>File.OpenText(path)</c>).</param>
    public static IReadOnlyList<JsonNode> ReadDocuments(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return YamlReader.ReadDocuments(reader);
    }

    /// <summary>Every document of a YAML stream as a typed object, chosen by its apiVersion and kind.</summary>
    /// <param name="yaml">The YAML text, documents separated by <c>---</c>.</param>
    /// <param name="kinds">The kinds to expect.</param>
    /// <returns>The objects, in order (cast or pattern-match: <c>objects.OfType&lt;Cluster&gt;()</c>).</returns>
    /// <exception cref="YamlFormatException">The YAML is invalid, or a document's apiVersion/kind is not among <paramref name="kinds"/>.</exception>
    /// <exception cref="JsonException">A document does not fit its type.</exception>
    public static IReadOnlyList<object> DeserializeAll(string yaml, KubernetesKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        using var reader = new StringReader(yaml);
        return DeserializeAll(reader, kinds);
    }

    /// <inheritdoc cref="DeserializeAll(string, KubernetesKinds)"/>
    /// <param name="reader">The YAML text (e.g. <c>File.OpenText(path)</c>).</param>
    /// <param name="kinds">The kinds to expect.</param>
    public static IReadOnlyList<object> DeserializeAll(TextReader reader, KubernetesKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var documents = ReadDocuments(reader);
        var result = new List<object>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var apiVersion = (documents[i] as JsonObject)?["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
            var kind = (documents[i] as JsonObject)?["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
            var type = apiVersion is null || kind is null ? null : kinds.Find(apiVersion, kind);
            if (type is null)
            {
                throw new YamlFormatException(
                    $"YAML document {i + 1} has apiVersion '{apiVersion}', kind '{kind}', which is not among the known kinds ({string.Join(", ", kinds.Known.Select(x => x.ApiVersion + " " + x.Kind))}); "
                    + "add its type to the KubernetesKinds, or read the documents as JSON with ReadDocuments.", null);
            }
            try
            {
                result.Add(documents[i].Deserialize(type) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new JsonException($"YAML document {i + 1} ({kind}): {e.Message}", e.Path, e.LineNumber, e.BytePositionInLine, e);
            }
        }
        return result;
    }

    /// <summary>Several objects as one YAML stream, documents separated by <c>---</c>.</summary>
    /// <param name="values">The objects; each one's type must be among <paramref name="kinds"/>.</param>
    /// <param name="kinds">The kinds, for their JSON metadata.</param>
    /// <returns>The YAML text.</returns>
    public static string SerializeAll(IEnumerable<object> values, KubernetesKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(kinds);
        return FromJson(values.Select(v => JsonSerializer.SerializeToNode(v, kinds.For(v.GetType()))));
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new ArgumentException($"{context.GetType().Name} has no JSON metadata for {typeof(T)}; pass the context generated for it.", nameof(context));
    }

    /// <summary>JSON as one YAML document.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The YAML text.</returns>
    public static string FromJson(JsonNode? json) => FromJson([json]);

    /// <summary>JSON documents as one YAML stream, separated by <c>---</c>.</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>The YAML text.</returns>
    public static string FromJson(IEnumerable<JsonNode?> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        YamlWriter.WriteDocuments(writer, documents);
        return writer.ToString();
    }
}
