namespace CapiSdk.Generator.Model;

/// <summary>
/// Where one occurrence of a nested type sits in its kind's schema, as the namer needs it.
/// <paramref name="Path"/> is the kind and the JSON path (<c>Cluster.spec.topology.variables[*]</c>);
/// <paramref name="ParentIndex"/> the index of the enclosing type in the resource's types (0 is the kind);
/// <paramref name="ParentIsSpec"/> marks a type directly under the kind's <c>spec</c>;
/// <paramref name="Segment"/> the name part this place adds (<c>Variable</c>: list elements are singular);
/// <paramref name="LongName"/> the name of the whole path (<c>ClusterSpecTopologyVariable</c>);
/// <paramref name="MappedName"/> the name the user gave this place in <c>CapiSdkTypeNames</c>, if any.
/// </summary>
internal sealed record TypeUse(string Path, int Depth, int ParentIndex, bool ParentIsSpec, string Segment, string LongName, string? MappedName);
