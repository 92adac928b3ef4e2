using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary><c>DiscoveryResponse</c>: every handler the extension serves. Built by the server from its registrations.</summary>
public sealed class DiscoveryResponse : HookResponse
{
    /// <summary>Creates a <see cref="ResponseStatus.Success"/> response with no handlers.</summary>
    public DiscoveryResponse()
        : base("DiscoveryResponse")
    {
    }

    /// <summary><c>handlers</c>.</summary>
    [JsonPropertyName("handlers")]
    public IList<ExtensionHandler> Handlers { get; set; } = [];
}
