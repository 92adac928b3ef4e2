using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Runtime;

/// <summary>
/// A model carries <c>[JsonPropertyName]</c> only where the JSON name is not its C# name in camelCase: both
/// serializers the models are for must still read and write every JSON name exactly.
/// </summary>
public sealed class JsonNameTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: names.example.com}
        spec:
          group: example.com
          names: {kind: Named, plural: names}
          scope: Namespaced
          versions:
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
                      clusterName: {type: string}
                      providerID: {type: string}
                      IPs: {type: array, items: {type: string}}
                      CIDR: {type: string}
                      max-surge: {type: integer}
                      x: {type: string}
                      URL: {type: string}
        """;

    private const string Object = """
        {"apiVersion":"example.com/v1","kind":"Named","metadata":{"name":"n"},"spec":{"clusterName":"c","providerID":"p","IPs":["10.0.0.1"],"CIDR":"10.0.0.0/24","max-surge":2,"x":"y","URL":"u"}}
        """;

    private static readonly Lazy<Assembly> Loaded = new(() => GeneratorHarness.Run(Crd).Load());

    [Fact]
    public void KubernetesJson_reads_and_writes_back_every_json_name_exactly()
    {
        var type = Loaded.Value.GetType("Test.Example.V1.Named", throwOnError: true)!;
        var deserialize = typeof(k8s.KubernetesJson).GetMethods()
            .Single(m => m.Name == nameof(k8s.KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(type);

        var named = deserialize.Invoke(null, new object?[] { Object, null })!;
        var written = k8s.KubernetesJson.Serialize(named);

        AssertEveryFieldIsAProperty(named);
        Assert.Null(JsonDiff.FirstDifference(JsonNode.Parse(Object), JsonNode.Parse(written)));
    }

    [Fact]
    public void The_json_context_reads_and_writes_back_every_json_name_exactly()
    {
        var type = Loaded.Value.GetType("Test.Example.V1.Named", throwOnError: true)!;
        var context = (JsonSerializerContext)Loaded.Value.GetType("Test.CrdJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        var typeInfo = context.GetTypeInfo(type)!;

        var named = JsonSerializer.Deserialize(Object, typeInfo)!;
        var written = JsonSerializer.Serialize(named, typeInfo);

        AssertEveryFieldIsAProperty(named);
        Assert.Null(JsonDiff.FirstDifference(JsonNode.Parse(Object), JsonNode.Parse(written)));
    }

    /// <summary>A field read under a wrong name would land in the extension data and still be written back.</summary>
    private static void AssertEveryFieldIsAProperty(object named)
    {
        var spec = WidgetAssembly.Get(named, "Spec")!;
        Assert.Null(WidgetAssembly.Get(spec, "AdditionalProperties"));
        Assert.Null(WidgetAssembly.Get(named, "AdditionalProperties"));
        Assert.Equal("p", WidgetAssembly.Get(spec, "ProviderID"));
        Assert.Equal(2L, WidgetAssembly.Get(spec, "MaxSurge"));
        Assert.Equal("10.0.0.0/24", WidgetAssembly.Get(spec, "CIDR"));
    }
}
