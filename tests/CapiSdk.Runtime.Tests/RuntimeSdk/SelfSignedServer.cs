using CapiSdk.Runtime.RuntimeSdk;

namespace CapiSdk.Runtime.Tests.RuntimeSdk;

/// <summary>A server on 127.0.0.1 (a free port) with a certificate generated for the vip-allocator Service in capi-system.</summary>
internal static class SelfSignedServer
{
    public static RuntimeExtensionServer New() =>
        new(new RuntimeExtensionOptions { Host = "127.0.0.1", Port = 0, SelfSigned = true, ServiceName = "vip-allocator", ServiceNamespace = "capi-system" });
}
