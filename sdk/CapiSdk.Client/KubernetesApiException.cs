using System.Text.Json;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>
/// The API server refused a request. It keeps the server's <c>Status</c> (code, reason, message, causes), and
/// its subclasses tell the common reasons apart: catch <see cref="KubernetesNotFoundException"/>,
/// <see cref="KubernetesConflictException"/>, <see cref="KubernetesInvalidException"/> and so on, with no text parsing.
/// </summary>
public class KubernetesApiException : Exception
{
    /// <summary>Creates an exception for a Status returned by the server.</summary>
    /// <param name="status">The Status object.</param>
    /// <param name="retryAfter">The server's Retry-After, if any.</param>
    public KubernetesApiException(V1Status status, TimeSpan? retryAfter = null)
        : base(Describe(status))
    {
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>The server's Status object.</summary>
    public V1Status Status { get; }

    /// <summary>The HTTP status code (404, 409, 422, …).</summary>
    public int StatusCode => Status.Code ?? 0;

    /// <summary>The machine-readable reason: <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, <c>Expired</c>, …</summary>
    public string? Reason => Status.Reason;

    /// <summary>The causes of an Invalid (or other) error: each names a field and what is wrong with it.</summary>
    public IReadOnlyList<V1StatusCause> Causes =>
        Status.Details?.Causes is { } causes ? new List<V1StatusCause>(causes) : Array.Empty<V1StatusCause>();

    /// <summary>How long the server asks to wait before trying again (429, 503), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Creates the exception type that matches the Status's reason and code.</summary>
    /// <param name="status">The Status object.</param>
    /// <param name="retryAfter">The server's Retry-After, if any.</param>
    public static KubernetesApiException From(V1Status status, TimeSpan? retryAfter = null) =>
        (status.Reason, status.Code) switch
        {
            ("NotFound", _) or (_, 404) => new KubernetesNotFoundException(status),
            ("AlreadyExists", _) => new KubernetesAlreadyExistsException(status),
            ("Conflict", _) or (_, 409) => new KubernetesConflictException(status),
            ("Invalid", _) or (_, 422) => new KubernetesInvalidException(status),
            ("Expired", _) or ("Gone", _) or (_, 410) => new KubernetesGoneException(status),
            ("Forbidden", _) or (_, 403) => new KubernetesForbiddenException(status),
            ("Unauthorized", _) or (_, 401) => new KubernetesUnauthorizedException(status),
            ("TooManyRequests", _) or (_, 429) => new KubernetesTooManyRequestsException(status, retryAfter),
            _ => new KubernetesApiException(status, retryAfter),
        };

    /// <summary>Reads a Status from a response body; a body that is not a Status becomes one with its text as the message.</summary>
    /// <param name="code">The HTTP status code.</param>
    /// <param name="body">The response body.</param>
    public static V1Status ReadStatus(int code, string body)
    {
        var status = new V1Status { Code = code, Status = "Failure", Message = body, ApiVersion = "v1", Kind = "Status" };
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return status;
            }

            status.Message = Text(root, "message") ?? body;
            status.Reason = Text(root, "reason");
            status.Status = Text(root, "status") ?? "Failure";
            if (root.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var parsed))
            {
                status.Code = parsed;
            }

            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                status.Details = new V1StatusDetails
                {
                    Name = Text(details, "name"),
                    Group = Text(details, "group"),
                    Kind = Text(details, "kind"),
                    Uid = Text(details, "uid"),
                    RetryAfterSeconds = details.TryGetProperty("retryAfterSeconds", out var retry) && retry.TryGetInt32(out var seconds) ? seconds : null,
                    Causes = ReadCauses(details),
                };
            }
        }
        catch (JsonException)
        {
        }

        return status;
    }

    private static List<V1StatusCause>? ReadCauses(JsonElement details)
    {
        if (!details.TryGetProperty("causes", out var causes) || causes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new List<V1StatusCause>();
        foreach (var cause in causes.EnumerateArray())
        {
            result.Add(new V1StatusCause { Field = Text(cause, "field"), Message = Text(cause, "message"), Reason = Text(cause, "reason") });
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(V1Status status) =>
        (status.Code is { } code ? code + " " : string.Empty) + (status.Reason ?? "Failure") + ": " + (status.Message ?? "the API server refused the request");
}
