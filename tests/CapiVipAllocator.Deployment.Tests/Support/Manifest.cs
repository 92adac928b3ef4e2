using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.Serialization;

namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>A multi-document YAML manifest: each object as JSON (every scalar a string) and, on request, typed.</summary>
internal sealed partial class Manifest
{
    private readonly List<(string Yaml, JsonObject Json)> _documents;

    private Manifest(List<(string Yaml, JsonObject Json)> documents) => _documents = documents;

    public IReadOnlyList<JsonObject> Objects => [.. _documents.Select(d => d.Json)];

    public static Manifest Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<(string, JsonObject)>();
        foreach (var text in DocumentSeparator().Split(yaml).Where(t => !string.IsNullOrWhiteSpace(StripComments(t))))
        {
            var json = ToJson(deserializer.Deserialize<object>(text)) as JsonObject
                ?? throw new InvalidOperationException($"a document is not a mapping:\n{text}");
            documents.Add((text, json));
        }
        return new Manifest(documents);
    }

    public static Manifest Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>The one object of this kind (and name, when given), as JSON.</summary>
    public JsonObject Single(string kind, string? name = null) => _documents.Single(d => Matches(d.Json, kind, name)).Json;

    /// <summary>The one object of this kind (and name), typed by KubernetesClient (V1Deployment, V1ClusterRole, …).</summary>
    public T Single<T>(string kind, string? name = null) =>
        KubernetesYaml.Deserialize<T>(_documents.Single(d => Matches(d.Json, kind, name)).Yaml);

    public IEnumerable<T> All<T>(string kind) =>
        _documents.Where(d => Matches(d.Json, kind, null)).Select(d => KubernetesYaml.Deserialize<T>(d.Yaml));

    public static string? Kind(JsonObject o) => (string?)o["kind"];

    public static string? Name(JsonObject o) => (string?)o["metadata"]?["name"];

    public static string? Namespace(JsonObject o) => (string?)o["metadata"]?["namespace"];

    private static bool Matches(JsonObject o, string kind, string? name) => Kind(o) == kind && (name is null || Name(o) == name);

    private static string StripComments(string text) => string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create((string)kv.Key, ToJson(kv.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    [GeneratedRegex(@"^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}
