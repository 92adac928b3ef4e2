namespace CapiSdk.Testing.Tests.Support;

/// <summary>A fact that needs kubectl; skipped, saying so, when kubectl is not on PATH.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null)
        {
            Skip = "kubectl not on PATH";
        }
    }
}
