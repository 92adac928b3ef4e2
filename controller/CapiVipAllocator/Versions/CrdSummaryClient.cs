using CapiSdk.Client;
using k8s;

namespace CapiVipAllocator.Versions;

/// <summary>Lists and watches apiextensions.k8s.io/v1 CustomResourceDefinitions as <see cref="CrdSummary"/>.</summary>
internal sealed class CrdSummaryClient(IKubernetes kubernetes)
    : KubernetesResourceClient<CrdSummary, CrdSummaryList>(kubernetes, Descriptor, VersionJsonContext.Default.CrdSummary, VersionJsonContext.Default.CrdSummaryList)
{
    /// <summary>Where CRDs live in the API.</summary>
    public static ResourceDescriptor Descriptor { get; } = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, true);

    /// <summary>Reads one page (the permission probe).</summary>
    public Task<CrdSummaryList> ListAsync(ListOptions options, CancellationToken cancellationToken) => ListCoreAsync(null, options, cancellationToken);
}
