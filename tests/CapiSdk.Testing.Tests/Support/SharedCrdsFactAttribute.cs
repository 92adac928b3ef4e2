namespace CapiSdk.Testing.Tests.Support;

/// <summary>A fact that reads the upstream CRDs; skipped, saying so, when shared/crds/upstream is absent.</summary>
public sealed class SharedCrdsFactAttribute : FactAttribute
{
    public SharedCrdsFactAttribute()
    {
        if (SharedCrds.Directory is null)
        {
            Skip = "shared/crds/upstream not found beside the repository root (../shared)";
        }
    }
}
