using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Reads a single-document YAML file into JSON with the server's own reader.</summary>
internal static class Yaml
{
    public static JsonObject ToJson(string yaml) => CapiSdk.Testing.Resources.YamlJson.ReadDocuments(yaml).OfType<JsonObject>().Single();
}
