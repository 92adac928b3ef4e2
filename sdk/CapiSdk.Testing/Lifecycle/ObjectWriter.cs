using System.Text.Json.Nodes;
using CapiSdk.Testing.Apply;
using CapiSdk.Testing.Conversion;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Patching;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>Create, update and patch (merge, JSON, server-side apply) with the real server's metadata, status, generation and conflict rules.</summary>
internal sealed class ObjectWriter
{
    private const string NameChars = "bcdfghjklmnpqrstvwxz2456789";
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly GarbageCollector _gc;

    public ObjectWriter(ObjectStore store, TimeProvider time, GarbageCollector gc)
    {
        _store = store;
        _time = time;
        _gc = gc;
    }

    public WriteResult Create(ResourceType t, ServedVersion v, string ns, JsonObject body, WriteOptions o)
    {
        Normalize(t, v, ns, body, urlName: null);
        var meta = ObjectRules.Metadata(body);
        WritePreconditions.RejectResourceVersionOnCreate(meta, o.DryRun);
        foreach (var key in new[] { "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "selfLink" })
        {
            meta.Remove(key);
        }
        if (t.HasStatusSubresource && t.IsCustom)
        {
            body.Remove("status");
        }
        return _store.WriteOptimistic(r => CommitCreate(r, t, v, body.DeepClone().AsObject(), o, applied: null));
    }

    public WriteResult Update(ResourceType t, ServedVersion v, string ns, string name, string? subresource, JsonObject body, WriteOptions o)
    {
        Normalize(t, v, ns, body, name);
        return _store.WriteOptimistic(r =>
        {
            var cur = r.Get(t.Key, ns, name) ?? throw ApiException.NotFound(t, name);
            var rv = (string?)body["metadata"]?["resourceVersion"];
            if ((string?)body["metadata"]?["uid"] is not { Length: > 0 } uid || uid == cur.Uid)
            {
                // The uid precondition is checked first (etcd3 GuaranteedUpdate), the resourceVersion after it.
                WritePreconditions.RequireResourceVersionOnUpdate(t, name, rv);
            }
            if (!string.IsNullOrEmpty(rv) && rv != cur.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(t, name);
            }
            return CommitUpdate(cur, t, v, body.DeepClone().AsObject(), subresource, o, applied: null);
        });
    }

    public WriteResult Patch(ResourceType t, ServedVersion v, string ns, string name, string? subresource, PatchKind kind, string patchText, WriteOptions o)
    {
        if (kind == PatchKind.StrategicMerge && t.IsCustom)
        {
            throw ApiException.UnsupportedPatchType();
        }
        JsonNode? patch;
        try
        {
            patch = kind == PatchKind.Apply ? YamlJson.ReadDocuments(patchText).FirstOrDefault() : JsonNode.Parse(patchText);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiException.BadRequest($"error decoding patch: {e.Message}");
        }
        return _store.WriteOptimistic(r =>
        {
            var cur = r.Get(t.Key, ns, name);
            if (kind == PatchKind.Apply)
            {
                if (cur is null && subresource is not null)
                {
                    throw ApiException.NotFound(t, name);
                }
                return ApplyPatch(r, t, v, ns, name, subresource, cur, patch?.DeepClone() as JsonObject ?? throw ApiException.BadRequest("apply patch must be an object"), o);
            }
            if (cur is null)
            {
                throw ApiException.NotFound(t, name);
            }
            var node = VersionConverter.ToVersion(t, cur.ToNode(), v);
            JsonObject next;
            try
            {
                next = kind == PatchKind.Json
                    ? JsonPatch.Apply(node, patch?.DeepClone() as JsonArray ?? throw ApiException.BadRequest("json patch must be an array")).AsObject()
                    : (JsonMergePatch.Apply(node, patch?.DeepClone()) as JsonObject) ?? throw ApiException.BadRequest("merge patch must be an object");
            }
            catch (PatchException e)
            {
                throw e.IsTestFailure ? new ApiException(422, "Invalid", e.Message) : ApiException.BadRequest($"the server rejected our request due to an error in our request: {e.Message}");
            }
            var rv = (string?)next["metadata"]?["resourceVersion"];
            if (!string.IsNullOrEmpty(rv) && rv != cur.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(t, name);
            }
            next["apiVersion"] = t.ApiVersion(v.Name);
            next["kind"] = t.Kind;
            return CommitUpdate(cur, t, v, next, subresource, o, applied: null);
        });
    }

    private Func<StoreWriter, WriteResult> ApplyPatch(StoreReader r, ResourceType t, ServedVersion v, string ns, string name, string? subresource, StoredObject? cur, JsonObject applied, WriteOptions o)
    {
        if ((string?)applied["apiVersion"] is { } appliedVersion && appliedVersion != t.ApiVersion(v.Name))
        {
            // fieldmanager (structuredmerge.go) Apply: the patch's group/version must be the endpoint's.
            throw ApiException.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {appliedVersion}, expected: {t.ApiVersion(v.Name)}");
        }
        if ((string?)applied["kind"] != t.Kind || (string?)applied["apiVersion"] != t.ApiVersion(v.Name))
        {
            throw ApiException.BadRequest($"invalid object type: {(string?)applied["apiVersion"]}, Kind={(string?)applied["kind"]}");
        }
        WritePreconditions.RejectManagedFieldsInApply(applied);
        var meta = ObjectRules.Metadata(applied);
        if ((string?)meta["name"] is { } n && n != name)
        {
            throw ApiException.BadRequest($"the name of the object ({n}) does not match the name on the URL ({name})");
        }
        meta["name"] = name;
        if (t.Namespaced)
        {
            meta["namespace"] = ns;
        }
        var scope = subresource == "status" ? FieldScope.StatusOnly : t.HasStatusSubresource ? FieldScope.NoStatus : FieldScope.All;
        if (scope == FieldScope.NoStatus)
        {
            applied.Remove("status");
        }
        var rv = (string?)meta["resourceVersion"];
        meta.Remove("resourceVersion");
        if (cur is not null && !string.IsNullOrEmpty(rv) && rv != cur.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw ApiException.StaleResourceVersion(t, name);
        }
        var live = (cur is null ? null : VersionConverter.ToVersion(t, cur.ToNode(), v)) ?? new JsonObject { ["apiVersion"] = t.ApiVersion(v.Name), ["kind"] = t.Kind, ["metadata"] = new JsonObject { ["name"] = name } };
        if (cur is null && t.Namespaced)
        {
            live["metadata"]!["namespace"] = ns;
        }
        var managed = ManagedFields.Read(live);
        var conflicts = managed.Apply(live, applied, v.Schema, scope, o.Manager, t.ApiVersion(v.Name), subresource, o.Force, Clock.Now(_time));
        if (conflicts.Count > 0 && !o.Force && AllowedByLastApplied(live, v, conflicts, o.Manager))
        {
            conflicts = managed.Apply(live, applied, v.Schema, scope, o.Manager, t.ApiVersion(v.Name), subresource, force: true, Clock.Now(_time));
            conflicts.Clear();
        }
        if (conflicts.Count > 0 && !o.Force)
        {
            throw ConflictError(t, name, conflicts);
        }
        live["apiVersion"] = t.ApiVersion(v.Name);
        return cur is null
            ? CommitCreate(r, t, v, live, o, managed)
            : CommitUpdate(cur, t, v, live, subresource, o, managed);
    }

    /// <summary>
    /// The real server's upgrade path from client-side to server-side apply: for the manager "kubectl", conflicts on
    /// fields that the last-applied-configuration annotation sets are forced.
    /// </summary>
    private static bool AllowedByLastApplied(JsonObject live, ServedVersion v, List<ApplyConflict> conflicts, string manager)
    {
        if (manager != "kubectl" || (string?)live["metadata"]?["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"] is not { } text)
        {
            return false;
        }
        try
        {
            var lastApplied = JsonNode.Parse(text) as JsonObject;
            if (lastApplied is null)
            {
                return false;
            }
            var allowed = FieldSets.Of(lastApplied, v.Schema, includeStatus: true);
            return conflicts.TrueForAll(c => allowed.Contains(c.Path));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static ApiException ConflictError(ResourceType t, string name, List<ApplyConflict> conflicts)
    {
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: {conflicts[0].Message}: {FieldPath.Display(conflicts[0].Path)}";
        }
        else
        {
            var lines = new List<string>();
            foreach (var group in conflicts.GroupBy(c => c.Message).OrderBy(g => g.First().Manager, StringComparer.Ordinal))
            {
                lines.Add(group.Key.Replace("conflict with", "conflicts with", StringComparison.Ordinal) + ":");
                lines.AddRange(group.Select(c => "- " + FieldPath.Display(c.Path)));
            }
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
        var details = new JsonObject { ["name"] = name };
        if (t.Group.Length > 0)
        {
            details["group"] = t.Group;
        }
        details["kind"] = t.Plural;
        details["causes"] = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = c.Message,
            ["field"] = FieldPath.Display(c.Path),
        }).ToArray());
        return new ApiException(409, "Conflict", message, details);
    }

    private static void Normalize(ResourceType t, ServedVersion v, string ns, JsonObject body, string? urlName)
    {
        WritePreconditions.CheckTypeMeta(t, v, body);
        if (urlName is not null)
        {
            WritePreconditions.CheckName(ObjectRules.Metadata(body), urlName, t.Namespaced ? ns : "");
        }
        var kind = (string?)body["kind"];
        if (kind is not null && kind != t.Kind)
        {
            throw ApiException.BadRequest($"{t.Kind} in version \"{v.Name}\" cannot be handled as a {t.Kind}: the object kind \"{kind}\" does not match the resource kind \"{t.Kind}\"");
        }
        body["apiVersion"] = t.ApiVersion(v.Name);
        body["kind"] = t.Kind;
        var meta = ObjectRules.Metadata(body);
        var bodyNs = (string?)meta["namespace"];
        if (t.Namespaced)
        {
            if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }
        if (urlName is not null)
        {
            var bodyName = (string?)meta["name"];
            if (!string.IsNullOrEmpty(bodyName) && bodyName != urlName)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({urlName})");
            }
            meta["name"] = urlName;
        }
    }

    /// <summary>Validates and completes a new object against what <paramref name="r"/> reads; returns the commit that stores it.</summary>
    private Func<StoreWriter, WriteResult> CommitCreate(StoreReader r, ResourceType t, ServedVersion v, JsonObject body, WriteOptions o, ManagedFields? applied)
    {
        var meta = ObjectRules.Metadata(body);
        var ns = (string?)meta["namespace"] ?? "";
        var name = (string?)meta["name"];
        var generateName = (string?)meta["generateName"];
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(generateName))
        {
            throw ApiException.Invalid(t, "", [new Schema.FieldError("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
        }
        if (t.Namespaced)
        {
            var nsObj = r.Get(BuiltInResources.Namespaces.Key, "", ns) ?? throw ApiException.NamespaceNotFound(ns);
            if (nsObj.IsDeleting)
            {
                throw ApiException.Forbidden($"{t.QualifiedResource} \"{name ?? generateName}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated");
            }
        }
        if (string.IsNullOrEmpty(name))
        {
            ObjectRules.ValidateName(t, generateName! + "x", fromGenerateName: true);
            do
            {
                name = generateName + new string(Enumerable.Range(0, 5).Select(_ => NameChars[Random.Shared.Next(NameChars.Length)]).ToArray());
            }
            while (r.Get(t.Key, ns, name) is not null);
            meta["name"] = name;
        }
        ObjectRules.ValidateName(t, name);
        ConfigDataRules.Apply(t, null, body, name);
        ObjectRules.ValidateLabels(t, name, body);
        var warnings = ObjectRules.ApplySchema(t, v, body, name, o.FieldValidation);
        if (r.Get(t.Key, ns, name) is not null)
        {
            throw ApiException.AlreadyExists(t, name);
        }
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Clock.Now(_time);
        if (t.TracksGeneration)
        {
            meta["generation"] = 1;
        }
        if (t == BuiltInResources.Namespaces)
        {
            ObjectRules.LabelNamespace(body, name);
            body["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            body["status"] = new JsonObject { ["phase"] = "Active" };
        }
        var managed = applied ?? ManagedFields.Read(body);
        if (applied is null)
        {
            managed.Entries.Clear();
            managed.RecordUpdate(null, body, v.Schema, t.HasStatusSubresource && t.IsCustom ? FieldScope.NoStatus : FieldScope.All, o.Manager, t.ApiVersion(v.Name), null, Clock.Now(_time));
        }
        managed.WriteTo(body);
        if (o.DryRun)
        {
            return _ => new WriteResult(body, true, warnings);
        }
        var owned = body["metadata"]?["ownerReferences"] is JsonArray { Count: > 0 };
        return w =>
        {
            var (answer, stored) = VersionConverter.Put(w, t, v, body, isCreate: true);
            if (owned)
            {
                _gc.Run(w);
            }
            return new WriteResult(answer, true, warnings, stored);
        };
    }

    /// <summary>Validates and completes the next state of <paramref name="cur"/>; returns the commit that stores it.</summary>
    private Func<StoreWriter, WriteResult> CommitUpdate(StoredObject cur, ResourceType t, ServedVersion v, JsonObject next, string? subresource, WriteOptions o, ManagedFields? applied)
    {
        var curNode = VersionConverter.ToVersion(t, cur.ToNode(), v);
        var scope = subresource == "status" ? FieldScope.StatusOnly : t.HasStatusSubresource ? FieldScope.NoStatus : FieldScope.All;
        if (scope == FieldScope.StatusOnly)
        {
            var status = next["status"]?.DeepClone();
            var managedFields = next["metadata"]?["managedFields"]?.DeepClone();
            next = curNode.DeepClone().AsObject();
            next["apiVersion"] = t.ApiVersion(v.Name);
            next.Remove("status");
            if (status is not null)
            {
                next["status"] = status;
            }
            ObjectRules.Metadata(next).Remove("managedFields");
            if (managedFields is not null)
            {
                ObjectRules.Metadata(next)["managedFields"] = managedFields;
            }
        }
        else if (scope == FieldScope.NoStatus)
        {
            next.Remove("status");
            if (curNode["status"] is { } s)
            {
                next["status"] = s.DeepClone();
            }
        }
        if ((string?)next["metadata"]?["uid"] is { Length: > 0 } uid && uid != cur.Uid)
        {
            throw ApiException.Conflict(t, cur.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {cur.Uid}");
        }
        ObjectRules.KeepSystemMetadata(curNode, next);
        var name = cur.Name;
        if (t == BuiltInResources.Namespaces)
        {
            ObjectRules.LabelNamespace(next, name);
        }
        var curFinalizers = ObjectRules.Finalizers(curNode);
        var nextFinalizers = ObjectRules.Finalizers(next);
        if (cur.IsDeleting && nextFinalizers.Except(curFinalizers).Any())
        {
            throw ApiException.Invalid(t, name, [new Schema.FieldError("FieldValueForbidden", "Forbidden: no new finalizers can be added if the object is being deleted", "metadata.finalizers")]);
        }
        ConfigDataRules.Apply(t, curNode, next, name);
        ObjectRules.ValidateLabels(t, name, next);
        var warnings = ObjectRules.ApplySchema(t, v, next, name, o.FieldValidation, curNode);
        if (t.TracksGeneration && ObjectRules.SpecChanged(t, curNode, next))
        {
            ObjectRules.Metadata(next)["generation"] = ((long?)curNode["metadata"]?["generation"] ?? 0) + 1;
        }
        var requested = next["metadata"]?["managedFields"];
        var managed = applied ?? ManagedFields.Read(curNode);
        if (applied is null && subresource is null && requested is JsonArray { Count: > 0 } && !ObjectRules.SameManagedFields(requested, curNode["metadata"]?["managedFields"]))
        {
            // The client rewrote managedFields (as kubectl does when it migrates client-side apply to server-side
            // apply): take them as given. As in fieldmanager Update, an empty list (or a subresource write) keeps
            // the live object's ownership, so clients that do not understand managedFields cannot wipe it.
            managed = ManagedFields.Read(next);
        }
        else if (applied is null)
        {
            managed.RecordUpdate(curNode, next, v.Schema, scope, o.Manager, t.ApiVersion(v.Name), subresource, Clock.Now(_time));
        }
        managed.WriteTo(next);
        if (!ObjectRules.Differs(curNode, next))
        {
            curNode["apiVersion"] = t.ApiVersion(v.Name);
            return _ => new WriteResult(curNode, false, warnings);
        }
        if (o.DryRun)
        {
            return _ => new WriteResult(next, false, warnings);
        }
        if (cur.IsDeleting && nextFinalizers.Count == 0)
        {
            var final = VersionConverter.ToStorage(t, next);
            return w =>
            {
                var removed = w.Remove(cur, final);
                _gc.Run(w);
                return new WriteResult(removed.ToNode(), false, warnings);
            };
        }
        var collect = cur.IsDeleting || !curNode["metadata"]!["ownerReferences"].DeepEqualsOrNull(next["metadata"]!["ownerReferences"]);
        return w =>
        {
            var (answer, stored) = VersionConverter.Put(w, t, v, next, isCreate: false);
            if (collect)
            {
                _gc.Run(w);
            }
            return new WriteResult(answer, false, warnings, stored);
        };
    }
}
