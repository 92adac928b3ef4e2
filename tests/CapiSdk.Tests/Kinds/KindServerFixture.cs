using CapiSdk.Testing;

namespace CapiSdk.Tests.Kinds;

/// <summary>One CapiSdk.Testing server for all kind-versions, serving <see cref="NewerCrds"/>.</summary>
public sealed class KindServerFixture : IAsyncLifetime
{
    public KubeApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new KubeApiServerOptions();
        foreach (var yaml in NewerCrds.Yaml)
        {
            options.CrdYaml.Add(yaml);
        }

        Server = await KubeApiServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
