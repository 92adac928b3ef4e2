using System.Text.Json.Nodes;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// What the real server checks about a write's body before it touches storage: type metadata against the URL
/// (handlers/create.go and update.go), a resourceVersion on create (etcd3 store Create) and its absence on a
/// custom resource update (registry/generic/registry/store.go Update), and managedFields in an apply body
/// (fieldmanager Apply).
/// </summary>
internal static class WritePreconditions
{
    /// <summary>
    /// A custom resource body must name its kind and the endpoint's group/version, as the unstructured decoder and
    /// the handlers' group/version check require. Built-ins get both defaulted from the URL, as typed decoding does.
    /// </summary>
    public static void CheckTypeMeta(ResourceType t, ServedVersion v, JsonObject body)
    {
        if (!t.IsCustom)
        {
            return;
        }
        if (string.IsNullOrEmpty((string?)body["kind"]))
        {
            var data = body.ToJsonString();
            throw ApiException.BadRequest($"the object provided is unrecognized (must be of type {t.Kind}): Object 'Kind' is missing in '{data}' ({Summarize(data)})");
        }
        var apiVersion = (string?)body["apiVersion"] ?? "";
        if (apiVersion != t.ApiVersion(v.Name))
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({t.ApiVersion(v.Name)})");
        }
    }

    /// <summary>
    /// handlers checkName, run on every update: the body must name the object the URL names, and a namespace in the
    /// body must be the request's.
    /// </summary>
    public static void CheckName(JsonObject meta, string urlName, string ns)
    {
        var name = (string?)meta["name"];
        if (string.IsNullOrEmpty(name))
        {
            throw ApiException.BadRequest($"the name of the object ({urlName} based on URL) was undeterminable: name must be provided");
        }
        if (name != urlName)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({urlName})");
        }
        if (ns.Length > 0 && (string?)meta["namespace"] is { Length: > 0 } bodyNs && bodyNs != ns)
        {
            throw ApiException.BadRequest($"the namespace of the object ({bodyNs}) does not match the namespace on the request ({ns})");
        }
    }

    /// <summary>
    /// etcd3 store Create refuses an object that carries a resourceVersion with a plain error, which the handler answers
    /// as 500 with reason "" (responsewriters convertStorageErrorOrNot). A dry run never reaches etcd and is not refused.
    /// </summary>
    public static void RejectResourceVersionOnCreate(JsonObject meta, bool dryRun)
    {
        if (!dryRun && !string.IsNullOrEmpty((string?)meta["resourceVersion"]))
        {
            throw new ApiException(500, "", "resourceVersion should not be set on objects to be created");
        }
    }

    /// <summary>Custom resources do not allow unconditional updates: a PUT without metadata.resourceVersion is 422 Invalid.</summary>
    public static void RequireResourceVersionOnUpdate(ResourceType t, string name, string? resourceVersion)
    {
        if (!t.IsCustom || !string.IsNullOrEmpty(resourceVersion))
        {
            return;
        }
        const string message = "Invalid value: 0x0: must be specified for an update";
        var details = new JsonObject { ["name"] = name, ["group"] = t.Group, ["kind"] = t.Plural };
        details["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = message, ["field"] = "metadata.resourceVersion" });
        throw new ApiException(422, "Invalid", $"{t.Plural}.{t.Group} \"{name}\" is invalid: metadata.resourceVersion: {message}", details);
    }

    /// <summary>An apply configuration must not carry managedFields (even an empty list).</summary>
    public static void RejectManagedFieldsInApply(JsonObject applied)
    {
        if (applied["metadata"] is JsonObject meta && meta.ContainsKey("managedFields") && meta["managedFields"] is not null)
        {
            throw ApiException.BadRequest("metadata.managedFields must be nil");
        }
    }

    /// <summary>handlers summarizeData: the first 30 bytes of a JSON body and " ...".</summary>
    private static string Summarize(string data) => data.Length > 30 ? data[..30] + " ..." : data;
}
