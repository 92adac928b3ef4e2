using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>One handler in a <see cref="DiscoveryResponse"/> (Cluster API's <c>ExtensionHandler</c>).</summary>
/// <param name="Name"><c>name</c>: a DNS-1123 label, unique in the extension; Cluster API registers it as <c>{name}.{ExtensionConfig name}</c>.</param>
/// <param name="RequestHook"><c>requestHook</c>: the hook it serves.</param>
/// <param name="TimeoutSeconds"><c>timeoutSeconds</c> (0–30); Cluster API uses 10 when null.</param>
/// <param name="FailurePolicy"><c>failurePolicy</c>; Cluster API uses <see cref="RuntimeSdk.FailurePolicy.Fail"/> when null.</param>
public sealed record ExtensionHandler(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("requestHook")] GroupVersionHook RequestHook,
    [property: JsonPropertyName("timeoutSeconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TimeoutSeconds,
    [property: JsonPropertyName("failurePolicy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FailurePolicy? FailurePolicy);
