namespace CapiSdk.Testing.Apply;

/// <summary>A field another manager owns with a different value than the applied configuration sets.</summary>
internal sealed record ApplyConflict(string Manager, string ApiVersion, string Path)
{
    public string Message => $"conflict with \"{Manager}\" using {ApiVersion}";
}
