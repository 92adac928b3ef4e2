using System.Globalization;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Faults;
using CapiSdk.Testing.Lifecycle;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>The one request handler: discovery, OpenAPI, and every verb on every resource, with hooks for latency, faults and counters.</summary>
internal sealed class ApiHandler
{
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly ObjectWriter _writer;
    private readonly ObjectDeleter _deleter;
    private readonly CrdSync _crds;
    private readonly WatchResponder _watch;
    private readonly FaultInjector _faults;
    private readonly LatencyInjector _latency;
    private readonly RequestCounters _counters;
    private readonly CancellationToken _stopping;

    public ApiHandler(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, ObjectDeleter deleter, CrdSync crds,
        WatchResponder watch, FaultInjector faults, LatencyInjector latency, RequestCounters counters, CancellationToken stopping)
    {
        _store = store;
        _registry = registry;
        _writer = writer;
        _deleter = deleter;
        _crds = crds;
        _watch = watch;
        _faults = faults;
        _latency = latency;
        _counters = counters;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        try
        {
            var segs = (ctx.Request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (await ServeNonResourceAsync(ctx, segs, ct).ConfigureAwait(false))
            {
                return;
            }
            var r = ResourceRequest.Parse(segs, _registry) ?? throw ApiException.ResourceNotFound(ctx.Request.Path);
            var verb = Verb(ctx.Request.Method, r, ctx.Request.Query);
            _counters.Increment(verb, r.Type.Key);
            if (_counters.IsRecording)
            {
                var authorization = ctx.Request.Headers.Authorization.ToString();
                var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
                _counters.Record(new RequestRecord(verb, r.Type.Group, r.Type.Plural, r.Subresource, r.Namespace, r.Name, token));
            }
            var delay = _latency.For(verb);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
            var fault = _faults.Decide(verb, r.Type.Key, r.Type.Plural);
            if (fault is not null && fault.Kind != FaultKind.CutWatch)
            {
                await InjectAsync(ctx, fault, ct).ConfigureAwait(false);
                return;
            }
            await DispatchAsync(ctx, r, verb, fault, ct).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            await WriteJsonAsync(ctx, e.Code, e.ToStatus(), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException && !ctx.Response.HasStarted)
        {
            await WriteJsonAsync(ctx, 500, ApiException.StatusObject(500, "InternalError", $"Internal error occurred: {e.Message}", null), ct).ConfigureAwait(false);
        }
    }

    private static string Verb(string method, ResourceRequest r, IQueryCollection q) => method switch
    {
        "GET" when r.Subresource is null && (r.WatchPath || (q["watch"] is var w && (w == "true" || w == "1"))) => "watch",
        "GET" => r.Name is null ? "list" : "get",
        "POST" when r.Name is null => "create",
        "PUT" when r.Name is not null => "update",
        "PATCH" when r.Name is not null => "patch",
        "DELETE" => r.Name is null ? "deletecollection" : "delete",
        _ => throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource"),
    };

    private async Task DispatchAsync(HttpContext ctx, ResourceRequest r, string verb, FaultRule? cut, CancellationToken ct)
    {
        var t = r.Type;
        var ns = r.Namespace ?? "";
        if (t.Namespaced && verb is "create" or "deletecollection" && r.Namespace is null)
        {
            throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
        var apiVersion = t.ApiVersion(r.Version.Name);
        Warnings.AddDeprecation(ctx.Response, t, r.Version);
        if (r.Subresource == "scale")
        {
            await ScaleResponder.ServeAsync(ctx, r, verb, _store, _writer, Options(ctx), ct).ConfigureAwait(false);
            return;
        }
        switch (verb)
        {
            case "get":
                {
                    RejectTooLargeResourceVersion(ctx.Request.Query);
                    var o = _store.Get(t.Key, ns, r.Name!) ?? throw ApiException.NotFound(t, r.Name!);
                    if (r.Subresource is null && TableConverter.IsWanted(ctx.Request))
                    {
                        await WriteJsonAsync(ctx, 200, TableConverter.Table(t, r.Version, [Conversion.VersionConverter.ToVersion(t, o.ToNode(), r.Version)], o.Revision.ToString(CultureInfo.InvariantCulture), null), ct).ConfigureAwait(false);
                        return;
                    }
                    await WriteBytesAsync(ctx, 200, ObjectJson.Render(o, t, r.Version), ct).ConfigureAwait(false);
                    return;
                }
            case "list":
                await ListResponder.WriteAsync(ctx, _store, r, ct).ConfigureAwait(false);
                return;
            case "watch":
                await _watch.ServeAsync(ctx, r, cut, _stopping).ConfigureAwait(false);
                return;
            case "create":
                {
                    var body = await BodyReader.ReadObjectAsync(ctx.Request, ct).ConfigureAwait(false);
                    if (t == BuiltInResources.CustomResourceDefinitions)
                    {
                        await CrdSync.CheckAsync(body, ct).ConfigureAwait(false);
                        CrdReader.CompleteCrd(body, DateTimeOffset.UtcNow);
                    }
                    var options = Options(ctx);
                    var result = _writer.Create(t, r.Version, ns, body, options);
                    await AfterWriteAsync(t, result.Object, options, ct).ConfigureAwait(false);
                    await WriteResultAsync(ctx, 201, result, r, ct).ConfigureAwait(false);
                    return;
                }
            case "update":
                {
                    var body = await BodyReader.ReadObjectAsync(ctx.Request, ct).ConfigureAwait(false);
                    if (t == BuiltInResources.CustomResourceDefinitions && r.Subresource is null)
                    {
                        await CrdSync.CheckAsync(body, ct).ConfigureAwait(false);
                    }
                    var options = Options(ctx);
                    var result = _writer.Update(t, r.Version, ns, r.Name!, r.Subresource, body, options);
                    await AfterWriteAsync(t, result.Object, options, ct).ConfigureAwait(false);
                    await WriteResultAsync(ctx, 200, result, r, ct).ConfigureAwait(false);
                    return;
                }
            case "patch":
                {
                    var kind = PatchKindOf(ctx.Request.ContentType);
                    var text = await BodyReader.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false);
                    var options = Options(ctx);
                    if (kind == PatchKind.Apply && string.IsNullOrEmpty(ctx.Request.Query["fieldManager"]))
                    {
                        throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
                    }
                    if (kind != PatchKind.Apply && options.Force)
                    {
                        throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch");
                    }
                    var result = _writer.Patch(t, r.Version, ns, r.Name!, r.Subresource, kind, text, options);
                    await AfterWriteAsync(t, result.Object, options, ct).ConfigureAwait(false);
                    await WriteResultAsync(ctx, result.Created ? 201 : 200, result, r, ct).ConfigureAwait(false);
                    return;
                }
            case "delete":
                {
                    var request = await DeleteOptionsReader.ReadAsync(ctx, ct).ConfigureAwait(false);
                    var (obj, gone) = _deleter.Delete(t, ns, r.Name!, request);
                    if (gone && t == BuiltInResources.CustomResourceDefinitions)
                    {
                        _crds.Remove(r.Name!);
                    }
                    if (t.IsCustom || t == BuiltInResources.Namespaces || t == BuiltInResources.CustomResourceDefinitions)
                    {
                        await WriteBytesAsync(ctx, 200, ObjectJson.Render(obj, t, r.Version), ct).ConfigureAwait(false);
                    }
                    else
                    {
                        var details = new JsonObject { ["name"] = r.Name, ["kind"] = t.Plural, ["uid"] = (string?)obj["metadata"]?["uid"] };
                        if (t.Group.Length > 0)
                        {
                            details["group"] = t.Group;
                        }
                        await WriteJsonAsync(ctx, 200, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["details"] = details }, ct).ConfigureAwait(false);
                    }
                    return;
                }
            case "deletecollection":
                {
                    var request = await DeleteOptionsReader.ReadAsync(ctx, ct).ConfigureAwait(false);
                    var (labels, fields) = QuerySelectors.Read(ctx.Request.Query, r);
                    var deleted = _deleter.DeleteCollection(t, r.Namespace, labels, fields, request);
                    var list = new JsonObject
                    {
                        ["apiVersion"] = apiVersion,
                        ["kind"] = t.ListKind,
                        ["metadata"] = new JsonObject { ["resourceVersion"] = _store.CurrentRevision.ToString(CultureInfo.InvariantCulture) },
                        ["items"] = new JsonArray(deleted.Select(d => (JsonNode)Conversion.VersionConverter.ToVersion(t, d, r.Version)).ToArray()),
                    };
                    await WriteJsonAsync(ctx, 200, list, ct).ConfigureAwait(false);
                    return;
                }
        }
    }

    private void RejectTooLargeResourceVersion(IQueryCollection q)
    {
        if (long.TryParse(q["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv) && rv > _store.CurrentRevision)
        {
            throw ApiException.TooLargeResourceVersion(rv, _store.CurrentRevision);
        }
    }

    private async Task AfterWriteAsync(ResourceType t, JsonObject obj, WriteOptions options, CancellationToken ct)
    {
        if (t == BuiltInResources.CustomResourceDefinitions && !options.DryRun)
        {
            await _crds.SyncAsync(obj.DeepClone().AsObject(), ct).ConfigureAwait(false);
        }
    }

    private static PatchKind PatchKindOf(string? contentType) => (contentType ?? "").Split(';')[0].Trim() switch
    {
        "application/merge-patch+json" => PatchKind.Merge,
        "application/json-patch+json" => PatchKind.Json,
        "application/apply-patch+yaml" => PatchKind.Apply,
        "application/strategic-merge-patch+json" => PatchKind.StrategicMerge,
        _ => throw ApiException.UnsupportedPatchType(),
    };

    private static WriteOptions Options(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        var dryRun = DryRun(q);
        var manager = (string?)q["fieldManager"];
        if (string.IsNullOrEmpty(manager))
        {
            var agent = ctx.Request.Headers.UserAgent.ToString();
            manager = agent.Length == 0 ? "unknown" : agent.Split('/')[0];
        }
        var validation = OptionsValidation.FieldValidation(ctx.Request.Method, q["fieldValidation"]);
        var force = (string?)q["force"] is "true" or "1";
        return new WriteOptions(manager, validation, force, dryRun);
    }

    private static bool DryRun(IQueryCollection q) => DryRunValues.Parse(q["dryRun"].Where(v => v is not null).Select(v => v!).ToList());

    private async Task<bool> ServeNonResourceAsync(HttpContext ctx, string[] segs, CancellationToken ct)
    {
        var path = string.Join('/', segs);
        JsonObject? doc = path switch
        {
            "version" => DiscoveryDocuments.Version(),
            "api" => DiscoveryDocuments.ApiVersions(ctx.Request.Host.Value ?? "127.0.0.1"),
            "api/v1" => DiscoveryDocuments.ResourceList(_registry, "", "v1"),
            "apis" => DiscoveryDocuments.GroupList(_registry),
            "openapi/v3" => OpenApiDocuments.Root(_registry),
            _ when segs.Length == 2 && segs[0] == "apis" => DiscoveryDocuments.Group(_registry, segs[1]) ?? throw ApiException.ResourceNotFound(path),
            _ when segs.Length == 3 && segs[0] == "apis" => DiscoveryDocuments.ResourceList(_registry, segs[1], segs[2]) ?? throw ApiException.ResourceNotFound(path),
            _ when segs.Length == 5 && path.StartsWith("openapi/v3/apis/", StringComparison.Ordinal) =>
                OpenApiDocuments.GroupVersion(_registry, segs[3], segs[4]) ?? throw ApiException.ResourceNotFound(path),
            _ when segs.Length == 4 && path.StartsWith("openapi/v3/api/", StringComparison.Ordinal) =>
                OpenApiDocuments.GroupVersion(_registry, "", segs[3]) ?? throw ApiException.ResourceNotFound(path),
            _ => null,
        };
        if (doc is not null)
        {
            if (ctx.Request.Method != "GET")
            {
                throw ApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
            }
            await WriteJsonAsync(ctx, 200, doc, ct).ConfigureAwait(false);
            return true;
        }
        if (path == "openapi/v2")
        {
            // OpenAPI v2 with definitions for every kind: JSON, or the gnostic protobuf client-go's OpenAPISchema asks for.
            var v2 = OpenApiDocuments.V2(_registry);
            if (ctx.Request.Headers.Accept.ToString().Contains("protobuf", StringComparison.Ordinal))
            {
                var bytes = OpenApiV2Protobuf.Encode(v2);
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = OpenApiV2Protobuf.MediaType;
                ctx.Response.ContentLength = bytes.Length;
                await ctx.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
                return true;
            }
            await WriteJsonAsync(ctx, 200, v2, ct).ConfigureAwait(false);
            return true;
        }
        if (path is "healthz" or "readyz" or "livez")
        {
            ctx.Response.ContentType = "text/plain";
            await ctx.Response.WriteAsync("ok", ct).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    private static async Task InjectAsync(HttpContext ctx, FaultRule fault, CancellationToken ct)
    {
        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                ctx.Abort();
                return;
            case FaultKind.TooManyRequests:
                ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteJsonAsync(ctx, 429, ApiException.StatusObject(429, "TooManyRequests", "The server has received too many requests and has asked us to try again later",
                    new JsonObject { ["retryAfterSeconds"] = (int)Math.Ceiling(fault.RetryAfter.TotalSeconds) }), ct).ConfigureAwait(false);
                return;
            case FaultKind.ServiceUnavailable:
                await WriteJsonAsync(ctx, 503, ApiException.StatusObject(503, "ServiceUnavailable", "The server is currently unable to handle the request (injected fault)", null), ct).ConfigureAwait(false);
                return;
            default:
                await WriteJsonAsync(ctx, 500, ApiException.StatusObject(500, "InternalError", "Internal error occurred: injected fault", null), ct).ConfigureAwait(false);
                return;
        }
    }

    private static async Task WriteResultAsync(HttpContext ctx, int code, WriteResult result, ResourceRequest r, CancellationToken ct)
    {
        foreach (var w in result.Warnings)
        {
            Warnings.Add(ctx.Response, w);
        }
        var body = result.Stored is { } stored ? ObjectJson.Render(stored, r.Type, r.Version) : ObjectJson.Render(result.Object, r.Type, r.Version);
        await WriteBytesAsync(ctx, code, body, ct).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext ctx, int code, JsonObject body, CancellationToken ct) =>
        WriteBytesAsync(ctx, code, JsonBytes.Of(body), ct);

    private static async Task WriteBytesAsync(HttpContext ctx, int code, byte[] body, CancellationToken ct)
    {
        if (ctx.Response.HasStarted)
        {
            return;
        }
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
    }
}
