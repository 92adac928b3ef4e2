using System.Text;
using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support2;
using CapiSdk.Testing;
using k8s;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>The CA bundle reaches the ExtensionConfig Cluster API reads, validated by the upstream CRD's schema.</summary>
public sealed class ExtensionConfigClientTests
{
    private static readonly string CaPem = CreateCaPem();

    private static string CreateCaPem()
    {
        using var authority = SelfSignedCertificateAuthority.Create();
        return authority.CertificatePem;
    }

    private static string DecodedCaBundle(JsonObject extensionConfig) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(extensionConfig["spec"]!["clientConfig"]!["caBundle"]!.GetValue<string>()));

    private static async Task CreateRawAsync(IKubernetes client, string json, CancellationToken ct)
    {
        var kubernetes = (Kubernetes)client;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await kubernetes.HttpClient.PostAsync(new Uri(kubernetes.BaseUri, "apis/runtime.cluster.x-k8s.io/v1alpha1/extensionconfigs"), content, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static async Task<KubeApiServer> StartAsync(CancellationToken ct)
    {
        Skip.If(ExtensionConfigServer.SkipReason is not null, ExtensionConfigServer.SkipReason);
        return await ExtensionConfigServer.StartAsync(ct);
    }

    [SkippableFact]
    public async Task A_missing_ExtensionConfig_is_created_with_the_service_namespace_selector_settings_and_CA_bundle()
    {
        var ct = TestTimeout.Token();
        await using var server = await StartAsync(ct);
        using var kubernetes = server.CreateClient();
        var registration = new ExtensionConfigRegistration
        {
            Name = "vip-allocator",
            CreateIfMissing = true,
            ServiceName = "vip-allocator-webhook",
            ServiceNamespace = "capi-system",
            ServicePort = 9443,
            NamespaceSelector = { ["vip.example.com/enabled"] = "true" },
            Settings = { ["vipPool"] = "mgmt-vips" },
        };

        await new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(registration, CaPem, ct);

        var stored = await new ExtensionConfigClient(kubernetes).GetAsync("vip-allocator", cancellationToken: ct);
        Assert.Equal(CaPem, DecodedCaBundle(stored));
        var expectedSpec = JsonNode.Parse($$$"""
            {"clientConfig":{"service":{"name":"vip-allocator-webhook","namespace":"capi-system","port":9443},"caBundle":"{{{Convert.ToBase64String(Encoding.UTF8.GetBytes(CaPem))}}}"},
             "namespaceSelector":{"matchLabels":{"vip.example.com/enabled":"true"}},
             "settings":{"vipPool":"mgmt-vips"}}
            """);
        Assert.True(JsonNode.DeepEquals(expectedSpec, stored["spec"]), stored["spec"]!.ToJsonString());
        var v1beta2 = await new ExtensionConfigClient(kubernetes).GetAsync("vip-allocator", "runtime.cluster.x-k8s.io/v1beta2", ct);
        Assert.Equal(CaPem, DecodedCaBundle(v1beta2)); // the same object in the storage version Cluster API 1.11+ reads
    }

    [SkippableFact]
    public async Task An_existing_ExtensionConfig_only_gets_its_caBundle_changed()
    {
        var ct = TestTimeout.Token();
        await using var server = await StartAsync(ct);
        using var kubernetes = server.CreateClient();
        await CreateRawAsync(kubernetes, """
            {"apiVersion":"runtime.cluster.x-k8s.io/v1alpha1","kind":"ExtensionConfig","metadata":{"name":"vip-allocator","annotations":{"owner":"ops"}},
             "spec":{"clientConfig":{"service":{"name":"handwritten","namespace":"ops","port":443},"caBundle":"b2xkCg=="},
                     "namespaceSelector":{"matchLabels":{"env":"prod"}},"settings":{"mode":"strict"}}}
            """, ct);
        var registration = new ExtensionConfigRegistration { Name = "vip-allocator", CreateIfMissing = true, ServiceName = "ignored", ServiceNamespace = "ignored" };

        var written = await new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(registration, CaPem, ct);

        Assert.Equal(CaPem, DecodedCaBundle(written));
        Assert.Equal("handwritten", written["spec"]!["clientConfig"]!["service"]!["name"]!.GetValue<string>());
        Assert.Equal("prod", written["spec"]!["namespaceSelector"]!["matchLabels"]!["env"]!.GetValue<string>());
        Assert.Equal("strict", written["spec"]!["settings"]!["mode"]!.GetValue<string>());
        Assert.Equal("ops", written["metadata"]!["annotations"]!["owner"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_missing_ExtensionConfig_that_is_not_to_be_created_is_NotFound()
    {
        var ct = TestTimeout.Token();
        await using var server = await StartAsync(ct);
        using var kubernetes = server.CreateClient();

        await Assert.ThrowsAsync<KubernetesNotFoundException>(() =>
            new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(new ExtensionConfigRegistration { Name = "vip-allocator" }, CaPem, ct));
    }

    [Fact]
    public async Task Without_the_ExtensionConfig_CRD_the_error_says_to_install_Cluster_API()
    {
        var ct = TestTimeout.Token();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var kubernetes = server.CreateClient();
        var registration = new ExtensionConfigRegistration { Name = "vip-allocator", CreateIfMissing = true, ServiceName = "svc", ServiceNamespace = "capi-system" };

        var error = await Assert.ThrowsAsync<KubernetesNotFoundException>(() => new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(registration, CaPem, ct));

        Assert.Contains("install Cluster API", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Creating_needs_the_service()
    {
        var ct = TestTimeout.Token();
        await using var server = await StartAsync(ct);
        using var kubernetes = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(new ExtensionConfigRegistration { Name = "vip-allocator", CreateIfMissing = true }, CaPem, ct));

        Assert.Contains("ServiceName and ServiceNamespace are required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CA_bundle_that_is_not_PEM_is_refused_before_any_call()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), TestTimeout.Token());
        using var kubernetes = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ExtensionConfigClient(kubernetes).InjectCaBundleAsync(new ExtensionConfigRegistration { Name = "x" }, "MIIB...", TestTimeout.Token()));

        Assert.Contains("must be PEM", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Counters.Count("patch", "extensionconfigs"));
    }
}
