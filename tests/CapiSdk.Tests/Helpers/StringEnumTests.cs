using System.Text.Json;
using CapiSdk.Models;
using CapiSdk.Tests.Infrastructure;
using V1Beta2 = CapiSdk.Models.Cluster.V1Beta2;

namespace CapiSdk.Tests.Helpers;

/// <summary>Generated enums read and write through CapiSdk.Client's shared StringEnumConverter.</summary>
public sealed class StringEnumTests
{
    [Fact]
    public void A_known_value_reads_as_the_shared_member_and_switches()
    {
        var cluster = Json.Read<V1Beta2.Cluster>("""{ "status": { "phase": "Provisioned" } }""");

        var phase = cluster.Status!.Phase!.Value;
        Assert.Equal(V1Beta2.ClusterStatusPhase.Provisioned, phase);
        Assert.Same(V1Beta2.ClusterStatusPhase.Provisioned.Value, phase.Value);
        Assert.Equal(V1Beta2.ClusterStatusPhase.Values.Provisioned, phase.Known);
    }

    [Fact]
    public void A_value_the_schema_does_not_list_is_kept_and_written_back()
    {
        var cluster = Json.Read<V1Beta2.Cluster>("""{ "status": { "phase": "Hibernating" } }""");

        Assert.False(cluster.Status!.Phase!.Value.IsKnown);
        var written = JsonSerializer.Serialize(cluster.Status, CrdJsonContext.Default.Options);
        Assert.Contains("\"phase\":\"Hibernating\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_a_json_error_naming_the_path()
    {
        var error = Assert.Throws<JsonException>(() => Json.Read<V1Beta2.Cluster>("""{ "status": { "phase": 3 } }"""));

        Assert.Contains("$.status.phase", error.Message, StringComparison.Ordinal);
    }
}
