using System.Text.Json.Serialization;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>Reflection-free JSON metadata for the hook requests and responses (trimming and NativeAOT safe).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(DiscoveryRequest))]
[JsonSerializable(typeof(DiscoveryResponse))]
[JsonSerializable(typeof(BeforeClusterCreateRequest))]
[JsonSerializable(typeof(BeforeClusterCreateResponse))]
[JsonSerializable(typeof(AfterControlPlaneInitializedRequest))]
[JsonSerializable(typeof(AfterControlPlaneInitializedResponse))]
[JsonSerializable(typeof(BeforeClusterUpgradeRequest))]
[JsonSerializable(typeof(BeforeClusterUpgradeResponse))]
[JsonSerializable(typeof(BeforeClusterDeleteRequest))]
[JsonSerializable(typeof(BeforeClusterDeleteResponse))]
internal sealed partial class RuntimeSdkJsonContext : JsonSerializerContext;
