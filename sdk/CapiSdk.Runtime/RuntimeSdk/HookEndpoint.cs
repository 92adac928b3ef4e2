using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// One handler of one hook. A body that is not the hook's request answers 400 (with a Failure response naming the
/// problem); a handler that throws answers 200 with a Failure response carrying the exception's message, which
/// Cluster API always treats as an error (whatever the failure policy) and retries with backoff.
/// </summary>
internal sealed class HookEndpoint<TRequest, TResponse> : IHookEndpoint
    where TRequest : HookRequest
    where TResponse : HookResponse, new()
{
    private readonly RuntimeHook<TRequest, TResponse> _hook;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _handler;
    private readonly ILogger _logger;

    public HookEndpoint(RuntimeHook<TRequest, TResponse> hook, ExtensionHandler discovery, string path, Func<TRequest, CancellationToken, Task<TResponse>> handler, ILogger logger)
    {
        _hook = hook;
        _handler = handler;
        _logger = logger;
        Discovery = discovery;
        Path = path;
    }

    public ExtensionHandler Discovery { get; }

    public string Path { get; }

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        TRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, _hook.RequestType, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await RejectAsync(context, $"the body is not a valid {_hook.RequestKind}: {e.Message}").ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException e)
        {
            await RejectAsync(context, $"the body could not be read: {e.Message}", e.StatusCode).ConfigureAwait(false);
            return;
        }

        if (Validate(request) is { } problem)
        {
            await RejectAsync(context, problem).ConfigureAwait(false);
            return;
        }

        TResponse response;
        try
        {
            response = await _handler(request!, ct).ConfigureAwait(false)
                ?? Failure($"handler {Discovery.Name} returned no response");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // Cluster API gave up (its timeout) or the server is stopping: nobody reads an answer.
        }
#pragma warning disable CA1031 // Any exception of a handler becomes a Failure response, as the hook contract requires.
        catch (Exception e)
#pragma warning restore CA1031
        {
            RuntimeExtensionLog.HandlerFailed(_logger, e, Discovery.Name, _hook.Name);
            response = Failure($"handler {Discovery.Name} of hook {_hook.Name} failed: {e.Message}");
        }

        RuntimeExtensionLog.Answered(_logger, Discovery.Name, _hook.Name, response.Status, (response as RetryHookResponse)?.RetryAfterSeconds ?? 0);
        await WriteAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private string? Validate(TRequest? request)
    {
        if (request is null)
        {
            return $"the body must be a {_hook.RequestKind} object, not null";
        }

        if (request.Kind is { Length: > 0 } kind && kind != _hook.RequestKind)
        {
            return $"kind is {kind}, but {Path} serves {_hook.RequestKind}";
        }

        if (request.ApiVersion is { Length: > 0 } apiVersion && apiVersion != RuntimeHooks.ApiVersion)
        {
            return $"apiVersion is {apiVersion}, but this extension serves {RuntimeHooks.ApiVersion}";
        }

        if (request is ClusterHookRequest { Cluster: null })
        {
            return $"cluster is required in a {_hook.RequestKind}";
        }

        return null;
    }

    private Task RejectAsync(HttpContext context, string reason, int status = StatusCodes.Status400BadRequest)
    {
        RuntimeExtensionLog.BadRequest(_logger, Path, reason);
        return WriteAsync(context, status, Failure(reason));
    }

    private static TResponse Failure(string message) => new() { Status = ResponseStatus.Failure, Message = message };

    private Task WriteAsync(HttpContext context, int status, TResponse response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, response, _hook.ResponseType, context.RequestAborted);
    }
}
