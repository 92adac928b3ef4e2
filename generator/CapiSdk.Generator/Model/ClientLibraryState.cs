namespace CapiSdk.Generator.Model;

/// <summary>Whether the compilation has what the generated code builds on: CapiSdk.Client and one KubernetesClient.</summary>
internal enum ClientLibraryState
{
    /// <summary>CapiSdk.Client (or CapiSdk.Client.Aot) is referenced.</summary>
    Present,

    /// <summary>Neither CapiSdk.Client nor CapiSdk.Client.Aot is referenced (CAPISDK020).</summary>
    Missing,

    /// <summary>KubernetesClient and KubernetesClient.Aot are both referenced and their types clash (CAPISDK021).</summary>
    MixedKubernetesClients,
}
