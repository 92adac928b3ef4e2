using System.Net;
using System.Text;
using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.RuntimeSdk;
using CapiSdk.Runtime.Tests.Support2;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>A hosted extension publishes its CA in the ExtensionConfig and is called the way Cluster API calls it.</summary>
public sealed class RuntimeExtensionHostingTests
{
    private sealed class VipHooks
    {
        public List<string> Seen { get; } = [];

        public Task<BeforeClusterCreateResponse> BeforeClusterCreateAsync(BeforeClusterCreateRequest request, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add($"{request.ClusterNamespace}/{request.ClusterName}");
            }

            return Task.FromResult(new BeforeClusterCreateResponse { RetryAfterSeconds = 5, Message = "claiming a VIP" });
        }
    }

    private static string[] Arguments() =>
    [
        "--CapiSdk:RuntimeExtension:Host=127.0.0.1",
        "--CapiSdk:RuntimeExtension:Port=0",
        "--CapiSdk:RuntimeExtension:SelfSigned=true",
        "--CapiSdk:RuntimeExtension:ServiceName=vip-allocator",
        "--CapiSdk:RuntimeExtension:ServiceNamespace=capi-system",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:Name=vip-allocator",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:CreateIfMissing=true",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:ServiceName=vip-allocator",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:ServiceNamespace=capi-system",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:ServicePort=9443",
        "--CapiSdk:RuntimeExtension:ExtensionConfig:NamespaceSelector:vip.example.com/enabled=true",
    ];

    [SkippableFact]
    public async Task A_hosted_extension_writes_its_CA_into_the_ExtensionConfig_and_answers_a_caller_trusting_only_that()
    {
        Skip.If(ExtensionConfigServer.SkipReason is not null, ExtensionConfigServer.SkipReason);
        var ct = TestTimeout.Token();
        await using var api = await ExtensionConfigServer.StartAsync(ct);
        var builder = Host.CreateApplicationBuilder(Arguments());
        builder.Services.AddSingleton<IKubernetes>(_ => api.CreateClient());
        builder.Services.AddSingleton<VipHooks>();
        builder.Services.AddRuntimeExtension(builder.Configuration);
        builder.Services.AddRuntimeHookHandler(RuntimeHooks.BeforeClusterCreate, "claim-vip", sp => sp.GetRequiredService<VipHooks>().BeforeClusterCreateAsync, timeoutSeconds: 10);
        using var host = builder.Build();

        await host.StartAsync(ct);
        var server = host.Services.GetRequiredService<RuntimeExtensionServer>();
        // What Cluster API reads: the ExtensionConfig's caBundle and service, which give the CA to trust and the name to dial.
        var extensionConfig = await new ExtensionConfigClient(host.Services.GetRequiredService<IKubernetes>()).GetAsync("vip-allocator", cancellationToken: ct);
        var caBundle = Encoding.UTF8.GetString(Convert.FromBase64String(extensionConfig["spec"]!["clientConfig"]!["caBundle"]!.GetValue<string>()));
        var service = extensionConfig["spec"]!["clientConfig"]!["service"]!;
        using var capi = new HookClient(server.Address!, caBundle, serverName: $"{service["name"]}.{service["namespace"]}.svc");
        var discovery = await capi.PostAsync(RuntimeHooks.DiscoveryPath, HookClient.Request("discovery.json"), ct);
        var answer = await capi.PostAsync(RuntimeHooks.BeforeClusterCreate.PathFor("claim-vip"), HookClient.Request("before-cluster-create-v1beta1.json"), ct);
        await host.StopAsync(ct);

        Assert.Equal(server.CaBundlePem, caBundle);
        Assert.Equal(9443, service["port"]!.GetValue<int>());
        Assert.Equal("true", extensionConfig["spec"]!["namespaceSelector"]!["matchLabels"]!["vip.example.com/enabled"]!.GetValue<string>());
        Assert.Equal("claim-vip", discovery.Json!["handlers"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(10, discovery.Json["handlers"]![0]!["timeoutSeconds"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(5, answer.Json!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(["team-a/prod"], host.Services.GetRequiredService<VipHooks>().Seen);
        Assert.False(server.IsReady);
    }

    [SkippableFact]
    public async Task Readiness_names_the_extension_until_it_serves_with_its_CA_published()
    {
        Skip.If(ExtensionConfigServer.SkipReason is not null, ExtensionConfigServer.SkipReason);
        var ct = TestTimeout.Token();
        await using var api = await ExtensionConfigServer.StartAsync(ct);
        await using var health = new HealthServer(new HealthServerOptions { Port = 0 });
        var builder = Host.CreateApplicationBuilder(Arguments());
        builder.Services.AddSingleton<IKubernetes>(_ => api.CreateClient());
        builder.Services.AddSingleton(health);
        builder.Services.AddRuntimeExtension(builder.Configuration);
        using var host = builder.Build();
        _ = host.Services.GetServices<IHostedService>().ToList(); // what the host does first: every hosted service is created before any starts
        await health.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = health.Address };

        var before = await http.GetAsync("/readyz", ct);
        var beforeBody = await before.Content.ReadAsStringAsync(ct);
        await host.StartAsync(ct);
        var after = await http.GetAsync("/readyz", ct);
        await host.StopAsync(ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal("not ready: runtime-extension\n", beforeBody);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_configured_ExtensionConfig_without_a_CA_bundle_fails_the_start_saying_how_to_get_one()
    {
        var ct = TestTimeout.Token();
        var certs = Directory.CreateTempSubdirectory("capisdk-serving-certs-").FullName;
        try
        {
            using var authority = SelfSignedCertificateAuthority.Create();
            ServingFiles.Write(certs, authority, withCa: false);

            var builder = Host.CreateApplicationBuilder([]);
            builder.Services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }));
            builder.Services.AddRuntimeExtension(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = 0;
                o.CertDirectory = certs;
                o.ExtensionConfig = new ExtensionConfigRegistration { Name = "vip-allocator" };
            });
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(ct));
            await host.StopAsync(ct);

            Assert.Contains("No CA bundle to write into ExtensionConfig 'vip-allocator'", error.Message, StringComparison.Ordinal);
            Assert.Contains("ca.crt", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(certs, recursive: true);
        }
    }
}
