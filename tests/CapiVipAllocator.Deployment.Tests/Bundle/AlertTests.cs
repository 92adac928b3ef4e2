using System.Text.Json.Nodes;
using CapiVipAllocator.Deployment.Tests.Support;

namespace CapiVipAllocator.Deployment.Tests.Bundle;

/// <summary>The PrometheusRule alerts on what matters, with the metric names the controller exports.</summary>
public sealed class AlertTests
{
    /// <summary>Metric names in the alert expressions; the container test checks that /metrics serves each.</summary>
    public static async Task<IReadOnlySet<string>> MetricNamesAsync() =>
        (await RulesAsync()).SelectMany(r => PromQl.MetricNames((string)r["expr"]!)).ToHashSet(StringComparer.Ordinal);

    [SkippableTheory]
    [InlineData("CapiVipAllocatorPoolNearlyExhausted", "capi_vip_allocator_pool_addresses_free", "capi_vip_allocator_pool_addresses_total")]
    [InlineData("CapiVipAllocatorPoolExhausted", "capi_vip_allocator_pool_addresses_free", "capi_vip_allocator_pool_addresses_total")]
    [InlineData("CapiVipAllocatorAllocationsFailing", "capi_vip_allocator_allocation_errors_total", null)]
    [InlineData("CapiVipAllocatorNoLeader", "leader_election_master_status", null)]
    public async Task Alert_watches_its_metrics_and_says_what_to_do(string alert, string metric, string? other)
    {
        var rule = (await RulesAsync()).Single(r => (string?)r["alert"] == alert);
        var names = PromQl.MetricNames((string)rule["expr"]!);

        Assert.Contains(metric, names);
        if (other is not null)
        {
            Assert.Contains(other, names);
        }
        Assert.Contains((string?)rule["labels"]!["severity"], new[] { "warning", "critical" });
        Assert.False(string.IsNullOrWhiteSpace((string?)rule["annotations"]!["description"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)rule["for"]));
    }

    [SkippableFact]
    public async Task No_leader_alert_watches_the_controllers_lease()
    {
        var rule = (await RulesAsync()).Single(r => (string?)r["alert"] == "CapiVipAllocatorNoLeader");

        Assert.Contains("name=\"capi-vip-allocator\"", (string)rule["expr"]!, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<JsonObject>> RulesAsync() =>
        [.. (await Support.Bundle.MonitoringAsync()).Single("PrometheusRule")["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject())];
}
