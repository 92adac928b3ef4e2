namespace CapiSdk.Testing.Tests.Support;

/// <summary>Starts a server with the fixture CRDs (widgets.example.com, gadgets.example.com).</summary>
internal static class TestServer
{
    public static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static Task<KubeApiServer> StartAsync(Action<KubeApiServerOptions>? configure = null)
    {
        var options = new KubeApiServerOptions();
        options.CrdFiles.Add(Fixture("widgets.example.com.yaml"));
        options.CrdFiles.Add(Fixture("gadgets.example.com.yaml"));
        configure?.Invoke(options);
        return KubeApiServer.StartAsync(options, TestContext.Token);
    }
}
