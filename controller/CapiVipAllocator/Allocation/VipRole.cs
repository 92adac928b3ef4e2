namespace CapiVipAllocator.Allocation;

/// <summary>What a VIP is for: the control plane (<c>vip-cp-</c> claims) or ingress (<c>vip-ingress-</c>).</summary>
internal sealed record VipRole(string Name, string ClaimPrefix)
{
    /// <summary>The control-plane endpoint VIP.</summary>
    public static VipRole ControlPlane { get; } = new("control-plane", "vip-cp-");

    /// <summary>The ingress VIP.</summary>
    public static VipRole Ingress { get; } = new("ingress", "vip-ingress-");

    /// <summary>Both roles.</summary>
    public static IReadOnlyList<VipRole> All { get; } = [ControlPlane, Ingress];

    /// <summary>The claim name for a Cluster.</summary>
    public string ClaimName(string cluster) => ClaimPrefix + cluster;

    /// <summary>The role whose claim prefix a claim name has, and the Cluster name after it; null when none.</summary>
    public static (VipRole Role, string Cluster)? FromClaimName(string claimName)
    {
        foreach (var role in All)
        {
            if (claimName.StartsWith(role.ClaimPrefix, StringComparison.Ordinal) && claimName.Length > role.ClaimPrefix.Length)
            {
                return (role, claimName[role.ClaimPrefix.Length..]);
            }
        }

        return null;
    }
}
