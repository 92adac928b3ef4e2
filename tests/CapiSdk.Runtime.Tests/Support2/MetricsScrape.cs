using CapiSdk.Runtime.Health;
using CapiSdk.Runtime.Metrics;

namespace CapiSdk.Runtime.Tests.Support2;

/// <summary>Serves metrics on a <see cref="HealthServer"/> at a free port, scrapes <c>/metrics</c> over HTTP and parses the answer.</summary>
internal static class MetricsScrape
{
    /// <summary>Scrapes and parses.</summary>
    /// <param name="metrics">The metrics to serve.</param>
    /// <param name="cancellationToken">Cancels the scrape.</param>
    /// <returns>The content type, the parsed families by name, and the exposition text.</returns>
    public static async Task<(string? ContentType, IReadOnlyDictionary<string, ParsedFamily> Families, string Text)> ScrapeAsync(PrometheusRuntimeMetrics metrics, CancellationToken cancellationToken)
    {
        await using var server = new HealthServer(new HealthServerOptions { Port = 0 }, metrics);
        await server.StartAsync(cancellationToken);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Address!, "/metrics"), cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var families = await PrometheusTextParser.ParseAsync(text, cancellationToken);
        return (response.Content.Headers.ContentType?.ToString(), families.ToDictionary(f => f.Name), text);
    }
}
