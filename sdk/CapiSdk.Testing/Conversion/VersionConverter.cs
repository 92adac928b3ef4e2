using System.Text.Json.Nodes;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Conversion;

/// <summary>
/// Converts custom resources between versions as the apiextensions server does (conversion/converter.go and
/// webhook_converter.go): strategy None only rewrites apiVersion; a converter (the webhook stand-in) does the rest,
/// and its answer is checked (count, apiVersion, kind; metadata other than labels and annotations restored). Either
/// way the result is pruned against the target version's schema (the schema coercer that runs on every conversion).
/// Objects are written in the storage version and read in the requested one.
/// </summary>
internal static class VersionConverter
{
    public static JsonObject ToStorage(ResourceType t, JsonObject obj) => ToVersion(t, obj, t.StorageVersion);

    /// <summary>The object in <paramref name="target"/>'s version: the same instance when it already is, else a converted one.</summary>
    public static JsonObject ToVersion(ResourceType t, JsonObject obj, ServedVersion target)
    {
        var apiVersion = t.ApiVersion(target.Name);
        var from = (string?)obj["apiVersion"];
        if (from == apiVersion || !t.IsCustom)
        {
            obj["apiVersion"] = apiVersion;
            return obj;
        }
        JsonObject converted;
        if (t.Converter is null)
        {
            converted = obj;
            converted["apiVersion"] = apiVersion;
        }
        else
        {
            converted = CallConverter(t, t.Converter, obj, apiVersion, from ?? "");
        }
        if (target.Schema is not null)
        {
            SchemaPruner.Prune(converted, target.Schema);
        }
        return converted;
    }

    /// <summary>
    /// Stores an object given in the requested version in the storage version; returns the answer, read back in the
    /// requested version, and the stored object when the answer is exactly it.
    /// </summary>
    public static (JsonObject Answer, StoredObject? AsStored) Put(StoreWriter w, ResourceType t, ServedVersion requested, JsonObject obj, bool isCreate)
    {
        if (!t.IsCustom || requested.Storage)
        {
            return (obj, w.Put(t.Key, obj, isCreate));
        }
        var stored = w.Put(t.Key, ToStorage(t, obj.DeepClone().AsObject()), isCreate);
        return (ToVersion(t, stored.ToNode(), requested), null);
    }

    public static byte[] Render(StoredObject o, ResourceType t, ServedVersion v) =>
        o.ApiVersion == t.ApiVersion(v.Name) ? o.Json : JsonBytes.Of(ToVersion(t, o.ToNode(), v));

    private static JsonObject CallConverter(ResourceType t, CustomResourceConverter converter, JsonObject original, string apiVersion, string from)
    {
        var gvk = $"{from}, Kind={t.Kind}";
        IReadOnlyList<JsonObject> answer;
        try
        {
            answer = converter(new ConversionRequest(apiVersion, [original.DeepClone().AsObject()]));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed($"conversion webhook for {gvk} failed: {e.Message}");
        }
        if (answer is null || answer.Count != 1)
        {
            throw Failed($"conversion webhook for {gvk} returned {answer?.Count ?? 0} objects, expected 1");
        }
        var converted = answer[0];
        if ((string?)converted["apiVersion"] != apiVersion)
        {
            throw Failed($"conversion webhook for {gvk} returned invalid converted object at index 0: invalid groupVersion (expected {apiVersion}, received {(string?)converted["apiVersion"]})");
        }
        if ((string?)converted["kind"] != t.Kind)
        {
            throw Failed($"conversion webhook for {gvk} returned invalid converted object at index 0: invalid kind (expected {t.Kind}, received {(string?)converted["kind"]})");
        }
        RestoreObjectMeta(original, converted);
        return converted;
    }

    /// <summary>A webhook may change only labels and annotations in metadata; everything else is taken from the original.</summary>
    private static void RestoreObjectMeta(JsonObject original, JsonObject converted)
    {
        var meta = original["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        var changed = converted["metadata"] as JsonObject;
        foreach (var key in new[] { "labels", "annotations" })
        {
            meta.Remove(key);
            if (changed?[key] is { } value)
            {
                meta[key] = value.DeepClone();
            }
        }
        converted["metadata"] = meta;
    }

    private static ApiException Failed(string message) => new(500, "InternalError", $"Internal error occurred: {message}",
        new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });
}
