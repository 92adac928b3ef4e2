using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema.Cel;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Upstream;

/// <summary>The CEL rules and required-metadata roots of the upstream Cluster API and IPAM CRDs.</summary>
public sealed class UpstreamValidationTests
{
    [SharedCrdsFact]
    public void Every_rule_in_the_upstream_CRDs_compiles()
    {
        var rules = new List<string>();
        foreach (var file in SharedCrds.All)
        {
            foreach (var crd in YamlJson.ReadDocuments(File.ReadAllText(file)).OfType<JsonObject>())
            {
                foreach (var version in crd["spec"]!["versions"]!.AsArray().OfType<JsonObject>())
                {
                    Collect(version["schema"]?["openAPIV3Schema"] as JsonObject, $"{Path.GetFileName(file)} {version["name"]}", rules);
                }
            }
        }

        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.NotNull(r));
    }

    private static void Collect(JsonObject? schema, string where, List<string> rules)
    {
        if (schema is null)
        {
            return;
        }
        if (schema["x-kubernetes-validations"] is JsonArray list)
        {
            foreach (var rule in list.OfType<JsonObject>())
            {
                CelRule.Compile(rule, where);
                rules.Add((string)rule["rule"]!);
            }
        }
        foreach (var child in (schema["properties"] as JsonObject ?? []).Select(p => p.Value).Append(schema["items"]).Append(schema["additionalProperties"]))
        {
            Collect(child as JsonObject, where, rules);
        }
    }

    [SharedCrdsFact]
    public async Task MachineDrainRule_whose_root_requires_metadata_can_be_created_and_its_unique_rule_holds()
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Path.Combine(SharedCrds.Directory!, "cluster-api", "cluster.x-k8s.io_machinedrainrules.yaml"));
        await using var server = await KubeApiServer.StartAsync(options, TestContext.Token);
        using var client = server.CreateClient();
        JsonObject Rule(string name, string machines) => JsonNode.Parse($$$"""
            {"apiVersion":"cluster.x-k8s.io/v1beta2","kind":"MachineDrainRule","metadata":{"name":"{{{name}}}"},
             "spec":{"drain":{"behavior":"Skip"},"machines":{{{machines}}}}}
            """)!.AsObject();

        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Rule("skip", """[{"selector":{"matchLabels":{"a":"b"}}}]"""), "cluster.x-k8s.io", "v1beta2", "default", "machinedrainrules", cancellationToken: TestContext.Token);
        var status = await Widgets.FailsAsync(() => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(
            Rule("dup", """[{"selector":{"matchLabels":{"a":"b"}}},{"selector":{"matchLabels":{"a":"b"}}}]"""), "cluster.x-k8s.io", "v1beta2", "default", "machinedrainrules", cancellationToken: TestContext.Token));

        Assert.Equal("skip", (string?)created["metadata"]!["name"]);
        Assert.Equal(422, status.Code);
        Assert.Equal("MachineDrainRule.cluster.x-k8s.io \"dup\" is invalid: spec.machines: Invalid value: \"array\": entries in machines must be unique", status.Message);
    }
}
