namespace CapiSdk.Generator.Model;

/// <summary>
/// A name the user gives the type at one place (<c>CapiSdkTypeNames</c> metadata):
/// <paramref name="Path"/> is the kind and JSON path (<c>Cluster.spec.topology.variables[*]</c>).
/// </summary>
internal sealed record TypeNameMapping(string Path, string Name);
