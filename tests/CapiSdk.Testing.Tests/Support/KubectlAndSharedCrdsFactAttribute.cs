namespace CapiSdk.Testing.Tests.Support;

/// <summary>A fact that runs kubectl against the upstream CRDs; skipped, saying which is missing.</summary>
public sealed class KubectlAndSharedCrdsFactAttribute : FactAttribute
{
    public KubectlAndSharedCrdsFactAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = "kubectl not on PATH";
        }
        else if (SharedCrds.Directory is null)
        {
            Skip = "shared/crds/upstream not found beside the repository root (../shared)";
        }
    }
}
