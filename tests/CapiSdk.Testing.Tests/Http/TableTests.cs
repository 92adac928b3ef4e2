using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Http;

public sealed class TableTests
{
    [Fact]
    public async Task List_asked_for_as_Table_returns_a_meta_v1_Table_with_printer_columns()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1", color: "teal"));
        using var http = server.Http();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        var (_, table, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/widgets");

        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)table["apiVersion"]);
        Assert.Equal(["Name", "Color"], table["columnDefinitions"]!.AsArray().Select(c => (string)c!["name"]!).ToList());
        Assert.Equal(["w1", "teal"], table["rows"]![0]!["cells"]!.AsArray().Select(c => (string)c!).ToList());
        Assert.Equal("PartialObjectMetadata", (string?)table["rows"]![0]!["object"]!["kind"]);
    }

    [Fact]
    public async Task A_printer_column_with_a_priority_is_served_with_it()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions
        {
            CrdYaml =
            {
                """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gizmos.example.com}
                spec:
                  group: example.com
                  names: {kind: Gizmo, plural: gizmos}
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                    additionalPrinterColumns:
                    - {name: Kind, type: string, priority: 1, jsonPath: .spec.kind}
                """,
            },
        });
        using var http = server.Http();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        var (status, table, _) = await http.GetJsonAsync("/apis/example.com/v1/namespaces/default/gizmos");

        Assert.Equal(200, (int)status);
        Assert.Equal(1, (int)table["columnDefinitions"]!.AsArray().Single(c => (string?)c!["name"] == "Kind")!["priority"]!);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(200, "3m20s")]
    [InlineData(3600 * 5, "5h")]
    [InlineData(3600 * 51, "2d3h")]
    public void Ages_are_printed_like_kubectl(int seconds, string expected) =>
        Assert.Equal(expected, CapiSdk.Testing.Http.TableConverter.HumanDuration(TimeSpan.FromSeconds(seconds)));
}
