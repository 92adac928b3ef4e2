using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Apply;

/// <summary>
/// Field ownership for one object, read from and written to metadata.managedFields.
/// Update operations take the fields they change; Apply operations own exactly the fields they set,
/// conflict with other owners of a differing value unless forced, and remove fields they stop setting.
/// </summary>
internal sealed class ManagedFields
{
    private ManagedFields(List<ManagerEntry> entries) => Entries = entries;

    public List<ManagerEntry> Entries { get; }

    public static ManagedFields Read(JsonObject obj)
    {
        var entries = new List<ManagerEntry>();
        if (obj["metadata"]?["managedFields"] is JsonArray arr)
        {
            foreach (var e in arr.OfType<JsonObject>())
            {
                entries.Add(new ManagerEntry
                {
                    Manager = (string?)e["manager"] ?? "",
                    Operation = (string?)e["operation"] ?? "Update",
                    Subresource = (string?)e["subresource"],
                    ApiVersion = (string?)e["apiVersion"] ?? "",
                    Time = (string?)e["time"] ?? "",
                    Fields = FieldsV1.Read(e["fieldsV1"] as JsonObject),
                });
            }
        }
        return new ManagedFields(entries);
    }

    public void WriteTo(JsonObject obj)
    {
        var meta = (JsonObject)obj["metadata"]!;
        Entries.RemoveAll(e => e.Fields.Count == 0);
        if (Entries.Count == 0)
        {
            meta.Remove("managedFields");
            return;
        }
        var arr = new JsonArray();
        foreach (var e in Entries)
        {
            var o = new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
                ["time"] = e.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldsV1.Write(e.Fields),
            };
            if (e.Subresource is not null)
            {
                o["subresource"] = e.Subresource;
            }
            arr.Add(o);
        }
        meta["managedFields"] = arr;
    }

    /// <summary>Gives <paramref name="manager"/> the fields an update (create, put, merge/json patch) changed; fields it removed are owned by no one.</summary>
    public void RecordUpdate(JsonObject? old, JsonObject updated, JsonObject? schema, FieldScope scope, string manager, string apiVersion, string? subresource, string time)
    {
        var before = old is null ? [] : Paths(old, schema, scope);
        var after = Paths(updated, schema, scope);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in after)
        {
            if (!before.Contains(p) || !SameValue(old!, updated, p))
            {
                changed.Add(p);
            }
        }
        var removed = before.Where(p => !after.Contains(p)).ToList();
        foreach (var e in Entries)
        {
            e.Fields.ExceptWith(changed);
            e.Fields.ExceptWith(removed);
        }
        if (changed.Count == 0)
        {
            return;
        }
        var mine = Entry(manager, "Update", subresource, apiVersion);
        mine.Fields.UnionWith(changed);
        mine.Time = time;
    }

    /// <summary>
    /// Applies <paramref name="applied"/> to <paramref name="live"/> (in place). Returns the conflicts and changes nothing
    /// when there are any and <paramref name="force"/> is false.
    /// </summary>
    public List<ApplyConflict> Apply(JsonObject live, JsonObject applied, JsonObject? schema, FieldScope scope, string manager, string apiVersion, string? subresource, bool force, string time)
    {
        var appliedPaths = Paths(applied, schema, scope);
        var conflicts = new List<ApplyConflict>();
        foreach (var e in Entries.Where(e => e.Manager != manager))
        {
            foreach (var p in appliedPaths.Where(e.Fields.Contains))
            {
                if (!SameValue(live, applied, p))
                {
                    conflicts.Add(new ApplyConflict(e.Manager, e.Operation, e.ApiVersion, p));
                }
            }
        }
        if (conflicts.Count > 0 && !force)
        {
            return conflicts;
        }
        foreach (var c in conflicts)
        {
            foreach (var e in Entries.Where(e => e.Manager == c.Manager))
            {
                e.Fields.Remove(c.Path);
            }
        }
        var mine = Entry(manager, "Apply", subresource, apiVersion);
        var dropped = mine.Fields.Where(p => !appliedPaths.Contains(p)).ToList();
        ApplyMerger.MergeRoot(live, applied, schema);
        var removed = new List<string>();
        foreach (var p in dropped.OrderBy(p => FieldPath.Segments(p).Length))
        {
            if (removed.Exists(r => FieldPath.IsUnder(p, r)))
            {
                continue;
            }
            var ownedElsewhere = Entries.Any(e => e != mine && e.Fields.Any(f => FieldPath.IsUnder(f, p)));
            if (!ownedElsewhere && !appliedPaths.Any(a => FieldPath.IsUnder(a, p)))
            {
                FieldNavigator.Remove(live, p);
                removed.Add(p);
            }
        }
        mine.Fields.Clear();
        mine.Fields.UnionWith(appliedPaths);
        mine.ApiVersion = apiVersion;
        mine.Time = time;
        return [];
    }

    private ManagerEntry Entry(string manager, string operation, string? subresource, string apiVersion)
    {
        var e = Entries.FirstOrDefault(x => x.Is(manager, operation, subresource));
        if (e is null)
        {
            e = new ManagerEntry { Manager = manager, Operation = operation, Subresource = subresource, ApiVersion = apiVersion };
            Entries.Add(e);
        }
        e.ApiVersion = apiVersion;
        return e;
    }

    private static HashSet<string> Paths(JsonObject obj, JsonObject? schema, FieldScope scope)
    {
        return scope == FieldScope.StatusOnly
            ? FieldSets.OfStatus(obj, schema)
            : FieldSets.Of(obj, schema, includeStatus: scope != FieldScope.NoStatus);
    }

    private static bool SameValue(JsonObject a, JsonObject b, string path)
    {
        var ha = FieldNavigator.TryGet(a, path, out var va);
        var hb = FieldNavigator.TryGet(b, path, out var vb);
        if (ha != hb)
        {
            return false;
        }
        var last = path.AsSpan(path.LastIndexOf(FieldPath.Separator) + 1);
        return last.StartsWith("k:", StringComparison.Ordinal) || last.StartsWith("v:", StringComparison.Ordinal) || JsonNode.DeepEquals(va, vb);
    }
}
