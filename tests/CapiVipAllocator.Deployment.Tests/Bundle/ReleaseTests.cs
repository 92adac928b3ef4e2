using System.Text.Json.Nodes;
using CapiVipAllocator.Deployment.Tests.Support;

namespace CapiVipAllocator.Deployment.Tests.Bundle;

/// <summary>What clusterctl, the Cluster API Operator and Rancher Turtles read to install and upgrade the release.</summary>
public sealed class ReleaseTests
{
    private static readonly Manifest Metadata = Manifest.Load(Path.Combine(Repo.ReleaseDirectory, "metadata.yaml"));

    [Fact]
    public void Clusterctl_metadata_has_a_release_series_for_the_version_being_built()
    {
        var metadata = Metadata.Single("Metadata");
        var version = System.Version.Parse(Repo.Version);

        Assert.Equal("clusterctl.cluster.x-k8s.io/v1alpha3", (string?)metadata["apiVersion"]);
        var series = metadata["releaseSeries"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var current = Assert.Single(series, s => Number(s, "major") == version.Major && Number(s, "minor") == version.Minor);
        Assert.Contains((string?)current["contract"], new[] { "v1beta1", "v1beta2" });
        Assert.Equal(series.Count, series.Select(s => (Number(s, "major"), Number(s, "minor"))).Distinct().Count());
    }

    [Fact]
    public void CAPIProvider_example_installs_this_version_as_an_addon_from_its_release()
    {
        var provider = Manifest.Load(Path.Combine(Repo.ReleaseDirectory, "capiprovider.yaml")).Single("CAPIProvider");
        var spec = provider["spec"]!;

        Assert.Equal("turtles-capi.cattle.io/v1alpha1", (string?)provider["apiVersion"]);
        Assert.Equal("addon", (string?)spec["type"]);
        Assert.Equal("capi-vip-allocator", (string?)spec["name"]);
        Assert.Equal($"v{Repo.Version}", (string?)spec["version"]);
        Assert.EndsWith($"/download/v{Repo.Version}/capi-vip-allocator.yaml", (string?)spec["fetchConfig"]!["url"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Deployment_image_is_tagged_with_the_version_being_built()
    {
        var deployment = (await Support.Bundle.MainAsync()).Single<k8s.Models.V1Deployment>("Deployment", Support.Bundle.Deployment);

        Assert.EndsWith($":v{Repo.Version}", deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
    }

    private static int Number(JsonObject series, string key) => int.Parse((string)series[key]!, System.Globalization.CultureInfo.InvariantCulture);
}
