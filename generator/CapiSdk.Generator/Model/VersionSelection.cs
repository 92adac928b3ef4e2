namespace CapiSdk.Generator.Model;

/// <summary>Which versions of a CRD get models (MSBuild property or item metadata <c>CapiSdkVersions</c>).</summary>
internal enum VersionSelection
{
    /// <summary>Every version with <c>served: true</c> (the default).</summary>
    Served,

    /// <summary>Only the version with <c>storage: true</c>.</summary>
    Storage,

    /// <summary>Every version listed, served or not.</summary>
    All,
}
