using System.Text.Json.Nodes;
using CapiSdk.Generator.Tests.Infrastructure;
using k8s.Models;
using Xunit;

namespace CapiSdk.Generator.Tests.KubernetesTypes;

/// <summary>
/// An object the server sends survives a read and a write through the KubernetesClient classes unchanged: the values
/// KubernetesClient's own converters would change (a string of digits in an int-or-string, a quantity not in canonical
/// form, a quantity written as a number) are written back as they were read.
/// </summary>
public sealed class KubernetesTypeRoundTripTests
{
    private const string ServerObject = """
        {
          "apiVersion": "example.com/v1",
          "kind": "Workload",
          "metadata": { "name": "w", "namespace": "default", "resourceVersion": "7", "creationTimestamp": "2024-01-02T03:04:05Z" },
          "spec": {
            "port": "80",
            "healthCheck": { "httpGet": { "path": "/healthz", "port": "8080", "scheme": "HTTP" }, "tcpSocket": { "port": 8080 }, "initialDelaySeconds": 5, "periodSeconds": 10 },
            "resources": { "limits": { "cpu": "1000m", "memory": "1.5Gi", "ephemeral-storage": 2 }, "requests": { "cpu": "0.5", "memory": "1Gi", "nvidia.com/gpu": "1" } },
            "selector": { "matchLabels": { "app": "demo" }, "matchExpressions": [ { "key": "tier", "operator": "In", "values": [ "web", "api" ] } ] },
            "tolerations": [ { "key": "dedicated", "operator": "Equal", "value": "gpu", "effect": "NoSchedule" }, { "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300 } ],
            "taints": [ { "key": "node.example.com/drain", "effect": "NoSchedule", "timeAdded": "2024-05-06T07:08:09Z" }, { "key": "plain", "effect": "NoExecute", "value": "v" } ],
            "secretRef": { "name": "credentials", "key": "token" },
            "infrastructureRef": { "apiVersion": "infrastructure.example.com/v1", "kind": "Machine", "name": "m-1", "namespace": "default" },
            "extraSelector": { "matchLabels": { "a": "b" }, "matchFields": { "kept": true } },
            "ports": [ { "name": "http", "protocol": "TCP" } ]
          },
          "status": {
            "conditions": [ { "type": "Ready", "status": "True", "reason": "Fine", "message": "", "lastTransitionTime": "2024-01-02T03:04:05Z", "observedGeneration": 3 } ],
            "components": [ { "name": "db", "conditions": [ { "type": "Available", "status": "False", "reason": "Starting", "message": "waiting for the volume", "lastTransitionTime": "2024-06-07T08:09:10Z" } ] } ],
            "legacyConditions": [ { "type": "Ready", "status": "True", "severity": "Info", "lastTransitionTime": "2024-01-02T03:04:05Z" } ]
          }
        }
        """;

    [Fact]
    public void An_object_from_the_server_is_written_back_exactly_as_it_was_read()
    {
        var written = WorkloadBuild.Write(WorkloadBuild.Read(ServerObject));

        Assert.Null(JsonDiff.FirstDifference(JsonNode.Parse(ServerObject), JsonNode.Parse(written)));
    }

    [Fact]
    public void KubernetesClients_own_serializer_would_change_those_values_which_is_why_the_context_has_its_own_converters()
    {
        var probe = k8s.KubernetesJson.Deserialize<V1Probe>("""{"httpGet":{"port":"8080"}}""");
        var resources = k8s.KubernetesJson.Deserialize<V1ResourceRequirements>("""{"limits":{"cpu":"1000m","memory":"1.5Gi","ephemeral-storage":2},"requests":{"cpu":"0.5"}}""");

        Assert.Equal("""{"httpGet":{"port":8080}}""", k8s.KubernetesJson.Serialize(probe));
        Assert.Equal("""{"limits":{"cpu":"1","memory":"1536Mi","ephemeral-storage":"2"},"requests":{"cpu":"500m"}}""", k8s.KubernetesJson.Serialize(resources));
    }

    [Theory]
    [InlineData("\"80\"")]
    [InlineData("80")]
    [InlineData("\"http\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"25%\"")]
    public void An_int_or_string_in_a_KubernetesClient_class_keeps_its_kind(string json) =>
        Assert.Equal(json, RoundTrip("""{"spec":{"healthCheck":{"httpGet":{"port":""" + json + "}}}}")["spec"]!["healthCheck"]!["httpGet"]!["port"]!.ToJsonString());

    [Theory]
    [InlineData("\"1000m\"")]
    [InlineData("\"0.5\"")]
    [InlineData("\"1.5Gi\"")]
    [InlineData("\"1e3\"")]
    [InlineData("2")]
    [InlineData("2.5")]
    [InlineData("\"128974848\"")]
    public void A_quantity_is_written_back_as_it_was_read(string json) =>
        Assert.Equal(json, RoundTrip("""{"spec":{"resources":{"limits":{"cpu":""" + json + "}}}}")["spec"]!["resources"]!["limits"]!["cpu"]!.ToJsonString());

    [Fact]
    public void Values_made_in_code_are_written_as_KubernetesClient_writes_them()
    {
        var workload = WorkloadBuild.Read("""{"spec":{}}""");
        var spec = WorkloadBuild.Get(workload, "Spec")!;
        spec.GetType().GetProperty("HealthCheck")!.SetValue(spec, new V1Probe { HttpGet = new V1HTTPGetAction { Port = "8080" } });
        spec.GetType().GetProperty("Resources")!.SetValue(spec, new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("1500m") } });

        var written = JsonNode.Parse(WorkloadBuild.Write(workload))!["spec"]!;

        Assert.Equal("""{"httpGet":{"port":8080}}""", written["healthCheck"]!.ToJsonString());
        Assert.Equal("""{"limits":{"cpu":"1500m"}}""", written["resources"]!.ToJsonString());
    }

    [Fact]
    public void A_condition_time_in_the_servers_form_is_written_back_unchanged_and_read_as_UTC()
    {
        var workload = WorkloadBuild.Read(ServerObject);
        var component = ((System.Collections.IList)WorkloadBuild.Get(WorkloadBuild.Get(workload, "Status")!, "Components")!)[0]!;
        var condition = ((IList<V1Condition>)WorkloadBuild.Get(component, "Conditions")!)[0];

        Assert.Equal(new DateTime(2024, 6, 7, 8, 9, 10, DateTimeKind.Utc), condition.LastTransitionTime);
        Assert.Equal(DateTimeKind.Utc, condition.LastTransitionTime.Kind);
        Assert.Equal("2024-06-07T08:09:10Z", JsonNode.Parse(WorkloadBuild.Write(workload))!["status"]!["components"]![0]!["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>());
    }

    [Fact]
    public void A_time_with_an_offset_is_written_in_UTC_as_the_generated_types_and_metav1_Time_write_it()
    {
        var json = """{"spec":{"taints":[{"key":"k","effect":"NoSchedule","timeAdded":"2024-05-06T09:08:09+02:00"}]}}""";

        var written = JsonNode.Parse(WorkloadBuild.Write(WorkloadBuild.Read(json)))!["spec"]!["taints"]![0]!["timeAdded"]!.GetValue<string>();

        Assert.Equal("2024-05-06T07:08:09Z", written);
    }

    [Fact]
    public void Fields_never_set_are_not_written()
    {
        var workload = WorkloadBuild.Read("""{"spec":{"selector":{"matchLabels":{"a":"b"}},"taints":[{"key":"k","effect":"NoSchedule"}]}}""");

        var written = JsonNode.Parse(WorkloadBuild.Write(workload))!["spec"]!;

        Assert.Equal("""{"selector":{"matchLabels":{"a":"b"}},"taints":[{"effect":"NoSchedule","key":"k"}]}""", written.ToJsonString());
    }

    private static JsonNode RoundTrip(string json) => JsonNode.Parse(WorkloadBuild.Write(WorkloadBuild.Read(json)))!;
}
