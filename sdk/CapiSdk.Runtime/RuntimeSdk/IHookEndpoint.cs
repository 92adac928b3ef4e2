using Microsoft.AspNetCore.Http;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>A registered handler: its discovery entry, its path, and how it answers a POST.</summary>
internal interface IHookEndpoint
{
    /// <summary>The entry in the DiscoveryResponse.</summary>
    ExtensionHandler Discovery { get; }

    /// <summary>The path Cluster API posts to.</summary>
    string Path { get; }

    /// <summary>Reads the request, calls the handler, writes the response.</summary>
    Task HandleAsync(HttpContext context);
}
