using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Storage;

/// <summary>
/// One stored object: its serialized JSON (immutable, shared by readers) plus the fields that
/// selectors, watches and garbage collection need without parsing it again.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(string resource, string ns, string name, string uid, long revision, byte[] json,
        IReadOnlyDictionary<string, string> labels, IReadOnlyList<OwnerRef> owners, bool deleting, string apiVersion)
    {
        ApiVersion = apiVersion;
        Resource = resource;
        Namespace = ns;
        Name = name;
        Uid = uid;
        Revision = revision;
        Json = json;
        Labels = labels;
        Owners = owners;
        IsDeleting = deleting;
    }

    public string Resource { get; }
    public string Namespace { get; }
    public string Name { get; }
    public string Uid { get; }
    public long Revision { get; }
    public byte[] Json { get; }
    public IReadOnlyDictionary<string, string> Labels { get; }
    public IReadOnlyList<OwnerRef> Owners { get; }
    public bool IsDeleting { get; }
    public string ApiVersion { get; }

    public string Key => StoreKey(Namespace, Name);

    public static string StoreKey(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    /// <summary>A fresh, mutable copy of the object.</summary>
    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    public static StoredObject From(string resource, JsonObject obj, long revision)
    {
        var meta = obj["metadata"] as JsonObject ?? new JsonObject();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (meta["labels"] is JsonObject l)
        {
            foreach (var (k, v) in l)
            {
                labels[k] = v?.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v?.ToJsonString() ?? "";
            }
        }
        var owners = new List<OwnerRef>();
        if (meta["ownerReferences"] is JsonArray refs)
        {
            foreach (var r in refs.OfType<JsonObject>())
            {
                owners.Add(new OwnerRef(
                    (string?)r["uid"] ?? "",
                    (string?)r["kind"] ?? "",
                    (string?)r["name"] ?? "",
                    (string?)r["apiVersion"] ?? "",
                    r["blockOwnerDeletion"]?.GetValue<bool>() == true));
            }
        }
        return new StoredObject(
            resource,
            (string?)meta["namespace"] ?? "",
            (string?)meta["name"] ?? "",
            (string?)meta["uid"] ?? "",
            revision,
            JsonBytes.Of(obj),
            labels,
            owners,
            meta["deletionTimestamp"] is not null,
            (string?)obj["apiVersion"] ?? "");
    }
}
