using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Versions;

/// <summary>
/// A two-version CRD for conversion tests: v1alpha1 (deprecated) has spec.count and spec.legacy, v1 (storage) has
/// spec.replicas; both have spec.size.
/// </summary>
internal static class Things
{
    public const string Base = "/apis/conv.example.com";

    public static string Crd(string conversion = "None", string deprecation = "") => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.conv.example.com
        spec:
          group: conv.example.com
          scope: Namespaced
          names: {plural: things, singular: thing, kind: Thing, listKind: ThingList}
          conversion:
            strategy: {{conversion}}
          versions:
          - name: v1alpha1
            served: true
            storage: false
            deprecated: true
            {{deprecation}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: string}
                      count: {type: integer}
                      legacy: {type: string}
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: string}
                      replicas: {type: integer}
        """;

    public static Task<KubeApiServer> StartAsync(string conversion = "None", string deprecation = "", Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions();
        options.CrdYaml.Add(Crd(conversion, deprecation));
        configure?.Invoke(options);
        return KubeApiServer.StartAsync(options, TestContext.Token);
    }

    public static string Path(string version, string? name = null) => $"{Base}/{version}/namespaces/default/things" + (name is null ? "" : "/" + name);

    public static string Body(string version, string name, JsonObject spec) =>
        new JsonObject { ["apiVersion"] = "conv.example.com/" + version, ["kind"] = "Thing", ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = spec }.ToJsonString();

    /// <summary>A converter like a real webhook's: v1alpha1 spec.count is v1 spec.replicas; legacy has no v1 equivalent.</summary>
    public static IReadOnlyList<JsonObject> CountToReplicas(Conversion.ConversionRequest request)
    {
        foreach (var o in request.Objects)
        {
            var spec = o["spec"] as JsonObject ?? [];
            if (request.DesiredApiVersion == "conv.example.com/v1" && spec["count"] is { } count)
            {
                spec.Remove("count");
                spec["replicas"] = count.DeepClone();
            }
            else if (request.DesiredApiVersion == "conv.example.com/v1alpha1" && spec["replicas"] is { } replicas)
            {
                spec.Remove("replicas");
                spec["count"] = replicas.DeepClone();
            }
            o["apiVersion"] = request.DesiredApiVersion;
        }
        return request.Objects;
    }
}
