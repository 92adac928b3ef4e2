namespace CapiSdk.Testing.Resources;

/// <summary>The resources the server currently serves, by group and plural. Thread-safe; CRDs come and go at run time.</summary>
internal sealed class ResourceRegistry
{
    private readonly object _gate = new();
    private Dictionary<string, ResourceType> _byKey = new(StringComparer.Ordinal);

    public ResourceRegistry()
    {
        foreach (var r in BuiltInResources.All)
        {
            Add(r);
        }
    }

    public void Add(ResourceType type)
    {
        lock (_gate)
        {
            _byKey = new Dictionary<string, ResourceType>(_byKey, StringComparer.Ordinal) { [type.Key] = type };
        }
    }

    public void Remove(string key)
    {
        lock (_gate)
        {
            var copy = new Dictionary<string, ResourceType>(_byKey, StringComparer.Ordinal);
            copy.Remove(key);
            _byKey = copy;
        }
    }

    public IReadOnlyCollection<ResourceType> All => _byKey.Values;

    public ResourceType? Find(string group, string plural) =>
        _byKey.TryGetValue(group.Length == 0 ? plural : plural + "." + group, out var r) ? r : null;

    public ResourceType? FindByKey(string key) => _byKey.TryGetValue(key, out var r) ? r : null;

    /// <summary>The resource with this group and kind (for ownerReferences), if served.</summary>
    public ResourceType? FindByKind(string group, string kind) =>
        _byKey.Values.FirstOrDefault(r => r.Group == group && r.Kind == kind);

    /// <summary>Groups with their served versions in priority order (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        return _byKey.Values
            .GroupBy(r => r.Group)
            .OrderBy(g => g.Key.Length == 0 ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)VersionPriority.Order(g.SelectMany(r => r.Versions.Where(v => v.Served).Select(v => v.Name)).Distinct()).ToList()))
            .ToList();
    }
}
