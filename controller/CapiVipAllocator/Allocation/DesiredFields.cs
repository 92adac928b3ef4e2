using System.Net.Sockets;

namespace CapiVipAllocator.Allocation;

/// <summary>
/// The Cluster fields this controller owns, as they should be: every apply carries all of them, because a
/// server-side apply that leaves out a field it owned removes it.
/// </summary>
/// <param name="ControlPlaneIp">The control-plane VIP, or null when it is not (or no longer) ours to write.</param>
/// <param name="Port">The control-plane port written with it.</param>
/// <param name="VariableName">The topology variable to write, or null when the ClusterClass does not declare it.</param>
/// <param name="IngressIp">The ingress VIP, or null.</param>
internal sealed record DesiredFields(string? ControlPlaneIp, int Port, string? VariableName, string? IngressIp)
{
    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => ControlPlaneIp is null && IngressIp is null;

    /// <summary>The ingress VIP as a label value too: IPv4 only (an IPv6 address is not a valid label value).</summary>
    public string? IngressLabel => IngressIp is not null && System.Net.IPAddress.TryParse(IngressIp, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork ? IngressIp : null;

    /// <summary>True when the Cluster already shows every field as desired (then nothing is written).</summary>
    public bool IsSatisfiedBy(ClusterFacts cluster)
    {
        if (ControlPlaneIp is not null &&
            (cluster.Host != ControlPlaneIp || cluster.Port is null or 0 || cluster.Annotation(Names.ControlPlaneVipAnnotation) != ControlPlaneIp ||
             (VariableName is not null && cluster.Variable != ControlPlaneIp)))
        {
            return false;
        }

        return IngressIp is null ||
            (cluster.Annotation(Names.IngressVipAnnotation) == IngressIp &&
             (IngressLabel is null || (cluster.Labels.TryGetValue(Names.IngressVipAnnotation, out var label) && label == IngressLabel)));
    }
}
