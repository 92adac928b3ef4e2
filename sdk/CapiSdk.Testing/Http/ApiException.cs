using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Http;

/// <summary>An API error that is answered as a metav1 Status with the real code and reason.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null) : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public ApiException()
    {
        Reason = "InternalError";
        Code = 500;
    }

    public ApiException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = "InternalError";
        Code = 500;
    }

    public int Code { get; }
    public string Reason { get; }
    public JsonObject? Details { get; }

    public JsonObject ToStatus() => StatusObject(Code, Reason, Message, Details?.DeepClone().AsObject());

    public static JsonObject StatusObject(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }
        status["code"] = code;
        return status;
    }

    private static JsonObject ResourceDetails(ResourceType t, string name)
    {
        var d = new JsonObject { ["name"] = name };
        if (t.Group.Length > 0)
        {
            d["group"] = t.Group;
        }
        d["kind"] = t.Plural;
        return d;
    }

    public static ApiException NotFound(ResourceType t, string name) =>
        new(404, "NotFound", $"{t.QualifiedResource} \"{name}\" not found", ResourceDetails(t, name));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException AlreadyExists(ResourceType t, string name) =>
        new(409, "AlreadyExists", $"{t.QualifiedResource} \"{name}\" already exists", ResourceDetails(t, name));

    public static ApiException Conflict(ResourceType t, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {t.QualifiedResource} \"{name}\": {why}", ResourceDetails(t, name));

    public static ApiException StaleResourceVersion(ResourceType t, string name) =>
        Conflict(t, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(ResourceType t, string name, IReadOnlyList<FieldError> errors)
    {
        var kind = t.Group.Length == 0 ? t.Kind : t.Kind + "." + t.Group;
        var list = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var details = new JsonObject { ["name"] = name };
        if (t.Group.Length > 0)
        {
            details["group"] = t.Group;
        }
        details["kind"] = t.Kind;
        details["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Message,
            ["field"] = e.Field,
        }).ToArray());
        return new ApiException(422, "Invalid", $"{kind} \"{name}\" is invalid: {list}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException UnsupportedPatchType() => new(415, "UnsupportedMediaType",
        $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");

    public static ApiException ResourceNotFound(string path) =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiException TooLargeResourceVersion(long requested, long current) => new(504, "Timeout",
        $"Timeout: Too large resource version: {requested}, current: {current}",
        new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ResourceVersionTooLarge", ["message"] = "Too large resource version" }), ["retryAfterSeconds"] = 1 });
}
