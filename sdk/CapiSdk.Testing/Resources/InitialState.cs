using System.Text.Json.Nodes;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Lifecycle;

namespace CapiSdk.Testing.Resources;

/// <summary>What a server holds when it starts: the configured namespaces and CustomResourceDefinitions.</summary>
internal static class InitialState
{
    public static async Task SeedAsync(ObjectWriter writer, ResourceRegistry registry, KubeApiServerOptions options, Conversion.ConversionHooks hooks, CancellationToken cancellationToken)
    {
        var system = new WriteOptions("capisdk-testing", "Ignore", Force: false);
        foreach (var ns in options.Namespaces)
        {
            writer.Create(BuiltInResources.Namespaces, BuiltInResources.Namespaces.Versions[0], "",
                new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, system);
        }
        var sources = options.CrdYaml.Select((yaml, i) => ($"CrdYaml[{i}]", yaml)).ToList();
        foreach (var file in options.CrdFiles)
        {
            sources.Add((file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
        }
        foreach (var (source, yaml) in sources)
        {
            foreach (var doc in YamlJson.ReadDocuments(yaml).OfType<JsonObject>().Where(d => (string?)d["kind"] == "CustomResourceDefinition"))
            {
                ResourceType type;
                try
                {
                    type = await CrdSync.CheckAsync(doc, cancellationToken, hooks).ConfigureAwait(false);
                    CrdReader.CompleteCrd(doc, options.TimeProvider.GetUtcNow());
                    writer.Create(BuiltInResources.CustomResourceDefinitions, BuiltInResources.CustomResourceDefinitions.Versions[0], "", doc, system);
                }
                catch (ApiException e)
                {
                    throw new InvalidOperationException($"{source}: {e.Message}", e);
                }
                registry.Add(type);
            }
        }
    }
}
