namespace CapiSdk.Testing.Apply;

/// <summary>A field another manager owns with a different value than the applied configuration sets.</summary>
internal sealed record ApplyConflict(string Manager, string Operation, string ApiVersion, string Path)
{
    /// <summary>As the real server words it: Apply managers by name, Update managers with the version they used.</summary>
    public string Message => Operation == "Apply" ? $"conflict with \"{Manager}\"" : $"conflict with \"{Manager}\" using {ApiVersion}";
}
