using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Models;
using CapiSdk.Topology;
using CapiSdk.Yaml;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Tests.Yaml;

/// <summary>YAML that round-trips exactly as the JSON does, through the generated metadata.</summary>
public sealed class KubeYamlTests
{
    private const string ClusterYaml = """
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: Cluster
        metadata:
          name: prod
          namespace: default
          labels:
            tier: "2"
        spec:
          paused: false
          topology:
            classRef:
              name: quick-start
            version: v1.31.0
            variables:
            - name: replicas
              value: 2
            - name: replicasText
              value: "2"
            - name: enabled
              value: yes
            - name: mode
              value: 0644
            - name: settings
              value:
                nested: [1, "1", true, null]
                script: |
                  echo one
                  echo two
        status:
          phase: SomethingNewer
        """;

    private static JsonSerializerOptions Json => CrdJsonContext.Default.Options;

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<V1Beta2.Cluster> ClusterType =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<V1Beta2.Cluster>)Json.GetTypeInfo(typeof(V1Beta2.Cluster));

    [Fact]
    public void A_cluster_with_topology_variables_reads_numbers_as_numbers_and_quoted_text_as_strings()
    {
        var cluster = KubeYaml.Deserialize(ClusterYaml, ClusterType);

        Assert.Equal(2, cluster.GetVariableInt32("replicas"));
        Assert.Equal("2", cluster.GetVariableString("replicasText"));
        Assert.Equal("yes", cluster.GetVariableString("enabled"));
        Assert.Equal(420, cluster.GetVariableInt32("mode"));
        Assert.Equal("[1,\"1\",true,null]", cluster.GetVariable("settings")!["nested"]!.ToJsonString());
        Assert.Equal("echo one\necho two\n", (string?)cluster.GetVariable("settings")!["script"]);
        Assert.Equal("2", cluster.Metadata.Labels["tier"]);
        Assert.Equal("SomethingNewer", cluster.Status!.Phase!.Value.Value);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_JSON_as_the_JSON_round_trip()
    {
        var cluster = KubeYaml.Deserialize(ClusterYaml, ClusterType);
        var json = JsonSerializer.Serialize(cluster, ClusterType);

        var yaml = KubeYaml.Serialize(cluster, ClusterType);
        var again = KubeYaml.Deserialize(yaml, ClusterType);

        Assert.Equal(json, JsonSerializer.Serialize(again, ClusterType));
        Assert.Contains("phase: SomethingNewer", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("isKnown", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_that_look_like_other_values_are_written_quoted_and_numbers_plain()
    {
        var yaml = KubeYaml.FromJson(new JsonObject
        {
            ["text"] = "2",
            ["octal"] = "0644",
            ["word"] = "yes",
            ["off"] = "off",
            ["nothing"] = "",
            ["null"] = "null",
            ["float"] = "1.5",
            ["underscored"] = "1_000",
            ["sexagesimal"] = "1:20",
            ["number"] = 2,
            ["big"] = JsonNode.Parse("12345678901234567890"),
            ["flag"] = false,
            ["ip"] = "10.0.0.42",
            ["empty"] = new JsonObject(),
            ["none"] = new JsonArray(),
        });

        Assert.Equal(
            """
            text: "2"
            octal: "0644"
            word: "yes"
            "off": "off"
            nothing: ""
            "null": "null"
            float: "1.5"
            underscored: "1_000"
            sexagesimal: "1:20"
            number: 2
            big: 12345678901234567890
            flag: false
            ip: 10.0.0.42
            empty: {}
            none: []

            """.ReplaceLineEndings("\n"),
            yaml.ReplaceLineEndings("\n"));
        Assert.True(JsonNode.DeepEquals(KubeYaml.ToJson(yaml), KubeYaml.ToJson(yaml.Replace("\"", "'", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("~", "null")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("-007", "-7")]
    [InlineData("+12", "12")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1e3")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("'2'", "\"2\"")]
    [InlineData("!!str 2", "\"2\"")]
    [InlineData("!!int \"2\"", "2")]
    public void Scalars_resolve_by_the_YAML_1_2_core_schema(string yaml, string json) =>
        Assert.Equal(json, KubeYaml.ToJson("v: " + yaml)["v"]?.ToJsonString() ?? "null");

    [Fact]
    public void A_multi_document_stream_is_read_into_typed_objects_by_apiVersion_and_kind_and_written_back_with_separators()
    {
        const string Stream = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: Cluster
            metadata: {name: a, namespace: default}
            ---
            # only a comment: an empty document is skipped
            ---
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: ClusterClass
            metadata: {name: quick-start, namespace: default}
            ---
            apiVersion: ipam.cluster.x-k8s.io/v1beta2
            kind: IPAddressClaim
            metadata: {name: a-vip, namespace: default}
            """;
        var kinds = CapiSdkKinds.Create();

        var objects = KubeYaml.DeserializeAll(Stream, kinds);

        Assert.Collection(
            objects,
            o => Assert.Equal("a", Assert.IsType<V1Beta2.Cluster>(o).Metadata.Name),
            o => Assert.Equal("quick-start", Assert.IsType<V1Beta2.ClusterClass>(o).Metadata.Name),
            o => Assert.Equal("a-vip", Assert.IsType<Models.Ipam.Cluster.V1Beta2.IPAddressClaim>(o).Metadata.Name));
        var written = KubeYaml.SerializeAll(objects, kinds);
        Assert.Equal(2, written.Split("\n---\n").Length - 1);
        Assert.Equal(objects.Select(o => o.ToString()), KubeYaml.DeserializeAll(written, kinds).Select(o => o.ToString()));
    }

    [Fact]
    public void An_unknown_kind_in_a_stream_names_the_document_and_the_kind()
    {
        var e = Assert.Throws<YamlFormatException>(() => KubeYaml.DeserializeAll("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n", CapiSdkKinds.Create()));

        Assert.Contains("document 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("apiVersion 'v1', kind 'Secret'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "appears twice")]
    [InlineData("a: .inf\n", "infinity")]
    [InlineData("a: [1\n", "line")]
    [InlineData("a: *nothing\n", "no anchor")]
    public void Yaml_JSON_cannot_hold_is_refused_with_the_place(string yaml, string expected)
    {
        var e = Assert.Throws<YamlFormatException>(() => KubeYaml.ToJson(yaml));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_expand_as_kubectl_expands_them()
    {
        var json = KubeYaml.ToJson("base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\n");

        Assert.Equal("""{"base":{"x":1,"y":2},"copy":{"x":1,"y":2},"merged":{"y":3,"x":1}}""", json.ToJsonString());
    }

    [Fact]
    public void A_type_mismatch_names_the_path()
    {
        var e = Assert.Throws<JsonException>(() => KubeYaml.Deserialize("apiVersion: cluster.x-k8s.io/v1beta2\nkind: Cluster\nspec:\n  paused: maybe\n", ClusterType));

        Assert.Contains("$.spec.paused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_kind_prints_as_kind_and_namespaced_name()
    {
        var cluster = KubeYaml.Deserialize(ClusterYaml, ClusterType);

        Assert.Equal("Cluster default/prod", cluster.ToString());
        Assert.Equal("Cluster x", new V1Beta2.Cluster { Metadata = new() { Name = "x" } }.ToString());
    }

    [Fact]
    public void A_json_context_can_stand_in_for_the_type_metadata()
    {
        var cluster = KubeYaml.Deserialize<V1Beta2.Cluster>(ClusterYaml, CrdJsonContext.Default);

        Assert.Equal(KubeYaml.Serialize(cluster, ClusterType), KubeYaml.Serialize(cluster, CrdJsonContext.Default));
        Assert.Throws<ArgumentException>(() => KubeYaml.Serialize(new Uri("http://x"), CrdJsonContext.Default));
    }
}
