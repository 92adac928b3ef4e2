namespace CapiSdk.Runtime.Health;

/// <summary>Where <see cref="HealthServer"/> listens.</summary>
public sealed class HealthServerOptions
{
    /// <summary>The IP address to bind: <c>127.0.0.1</c> (default), <c>0.0.0.0</c> for all IPv4 interfaces, <c>::</c> for all.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port. Default 8081 (controller-runtime's health probe port); 0 picks a free one (see <see cref="HealthServer.Address"/>).</summary>
    public int Port { get; set; } = 8081;
}
