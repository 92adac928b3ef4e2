namespace CapiSdk.Testing.Resources;

/// <summary>A kind of object the server serves: names, scope, versions and subresources.</summary>
internal sealed class ResourceType
{
    public required string Group { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public required string ListKind { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public required IReadOnlyList<ServedVersion> Versions { get; init; }
    public bool HasStatusSubresource { get; init; }

    /// <summary>The converter between versions (a registered one or the webhook stand-in); null for conversion strategy None.</summary>
    public Conversion.CustomResourceConverter? Converter { get; init; }

    /// <summary>True for CustomResourceDefinition-backed resources (schema, generation, CR delete semantics).</summary>
    public bool IsCustom { get; init; }

    /// <summary>Set for built-ins that set metadata.generation (CRs always do).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>"plural.group", or "plural" for the core group: the key objects are stored under.</summary>
    public string Key => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary>The Kind.group form used in error messages, e.g. "widgets.example.com".</summary>
    public string QualifiedResource => Key;

    public ServedVersion? FindVersion(string version) =>
        Versions.FirstOrDefault(v => v.Name == version && v.Served);

    public ServedVersion StorageVersion => Versions.FirstOrDefault(v => v.Storage) ?? Versions[0];

    public string ApiVersion(string version) => Group.Length == 0 ? version : Group + "/" + version;

    /// <summary>Fields usable in a fieldSelector besides metadata.name/namespace, mapped to their JSON paths.</summary>
    public IReadOnlyDictionary<string, string> ExtraSelectableFields { get; init; } = new Dictionary<string, string>();

    /// <summary>The selectable fields for one version: the resource's own plus a CRD version's selectableFields.</summary>
    public IReadOnlyDictionary<string, string> SelectableFields(ServedVersion version)
    {
        if (version.SelectableFields.Count == 0)
        {
            return ExtraSelectableFields;
        }
        var all = new Dictionary<string, string>(ExtraSelectableFields);
        foreach (var path in version.SelectableFields)
        {
            all[path.TrimStart('.')] = path;
        }
        return all;
    }

    public IReadOnlyList<string> Verbs => ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
