using System.Globalization;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Selectors;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>Delete and deletecollection: preconditions, propagation policies, finalizers and deletionTimestamp.</summary>
internal sealed class ObjectDeleter
{
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly GarbageCollector _gc;

    private static readonly HashSet<string> ImmortalNamespaces = ["default", "kube-system", "kube-public"];

    public ObjectDeleter(ObjectStore store, TimeProvider time, GarbageCollector gc)
    {
        _store = store;
        _time = time;
        _gc = gc;
    }

    /// <summary>Deletes one object. Returns its last state and whether it is gone (false: it waits for finalizers).</summary>
    public (JsonObject Object, bool Gone) Delete(ResourceType t, string ns, string name, DeleteRequest request)
    {
        if (t == BuiltInResources.Namespaces && ImmortalNamespaces.Contains(name))
        {
            // The NamespaceLifecycle admission plugin refuses these before storage is asked.
            throw new ApiException(403, "Forbidden", $"namespaces \"{name}\" is forbidden: this namespace may not be deleted",
                new JsonObject { ["name"] = name, ["kind"] = "namespaces" });
        }
        return _store.Write(w =>
        {
            var cur = w.Get(t.Key, ns, name) ?? throw ApiException.NotFound(t, name);
            return DeleteLocked(w, t, cur, request);
        });
    }

    public List<JsonObject> DeleteCollection(ResourceType t, string? ns, LabelSelector labels, FieldSelector fields, DeleteRequest request) =>
        _store.Write(w =>
        {
            var result = new List<JsonObject>();
            foreach (var o in w.All(t.Key).Where(o => (ns is null || o.Namespace == ns) && labels.Matches(o.Labels) && fields.Matches(o)).ToList())
            {
                var current = w.Get(t.Key, o.Namespace, o.Name);
                if (current is not null)
                {
                    result.Add(DeleteLocked(w, t, current, request with { PreconditionUid = null, PreconditionResourceVersion = null }, collectGarbage: false).Object);
                }
            }
            _gc.Run(w);
            return result;
        });

    private (JsonObject Object, bool Gone) DeleteLocked(StoreWriter w, ResourceType t, StoredObject cur, DeleteRequest request, bool collectGarbage = true)
    {
        if (request.PreconditionUid is { Length: > 0 } uid && uid != cur.Uid)
        {
            throw ApiException.Conflict(t, cur.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {cur.Uid}");
        }
        var rvText = cur.Revision.ToString(CultureInfo.InvariantCulture);
        if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != rvText)
        {
            throw ApiException.Conflict(t, cur.Name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {rvText}");
        }
        if (cur.IsDeleting || request.DryRun)
        {
            return (cur.ToNode(), false);
        }
        var policy = request.PropagationPolicy;
        if (policy is not (null or "Background" or "Foreground" or "Orphan"))
        {
            throw ApiException.Invalid(t, cur.Name, [new Schema.FieldError("FieldValueNotSupported",
                $"Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"", "propagationPolicy")]);
        }
        MarkOrRemove(w, t, cur, policy ?? "Background");
        if (collectGarbage)
        {
            _gc.Run(w);
        }
        var after = w.Get(t.Key, cur.Namespace, cur.Name);
        if (after is not null && after.Uid == cur.Uid)
        {
            return (after.ToNode(), false);
        }
        var final = cur.ToNode();
        return (final, true);
    }

    /// <summary>Starts deleting <paramref name="cur"/>: removes it now, or sets deletionTimestamp when finalizers (or the policy's own finalizer) must run first.</summary>
    internal void MarkOrRemove(StoreWriter w, ResourceType? t, StoredObject cur, string policy)
    {
        var node = cur.ToNode();
        var finalizers = ObjectRules.Finalizers(node);
        if (policy == "Foreground" && !finalizers.Contains("foregroundDeletion"))
        {
            finalizers.Add("foregroundDeletion");
        }
        if (policy == "Orphan" && !finalizers.Contains("orphan"))
        {
            finalizers.Add("orphan");
        }
        var isNamespace = cur.Resource == BuiltInResources.Namespaces.Key;
        if (finalizers.Count == 0 && !isNamespace)
        {
            w.Remove(cur);
            return;
        }
        ObjectRules.SetFinalizers(node, finalizers);
        var meta = ObjectRules.Metadata(node);
        meta["deletionTimestamp"] = Clock.Now(_time);
        meta["deletionGracePeriodSeconds"] = 0;
        if (isNamespace)
        {
            node["status"] = new JsonObject { ["phase"] = "Terminating" };
        }
        if (t?.TracksGeneration == true)
        {
            meta["generation"] = ((long?)meta["generation"] ?? 0) + 1;
        }
        w.Put(cur.Resource, node, isCreate: false);
    }
}
