using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Faults;
using CapiSdk.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>
/// Serves watch as newline-delimited JSON over a chunked response: replay from resourceVersion, selector
/// filtering, BOOKMARK events, timeoutSeconds, and an ERROR event with a 410 Expired Status for versions
/// older than the history, as the watch cache does.
/// </summary>
internal sealed class WatchResponder
{
    private readonly ObjectStore _store;
    private readonly TimeSpan _bookmarkInterval;

    public WatchResponder(ObjectStore store, TimeSpan bookmarkInterval)
    {
        _store = store;
        _bookmarkInterval = bookmarkInterval;
    }

    public async Task ServeAsync(HttpContext ctx, ResourceRequest r, FaultRule? cut, CancellationToken stopping)
    {
        var q = ctx.Request.Query;
        var (labels, fields) = QuerySelectors.Read(q, r);
        var bookmarks = IsTrue(q["allowWatchBookmarks"]);
        var sendInitialEvents = IsTrue(q["sendInitialEvents"]);
        var rvText = (string?)q["resourceVersion"];
        long? from = null;
        if (!string.IsNullOrEmpty(rvText) && rvText != "0")
        {
            if (!long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv))
            {
                throw ApiException.BadRequest($"invalid resource version: {rvText}");
            }
            from = rv;
        }
        if (sendInitialEvents)
        {
            from = null;
        }
        var timeout = long.TryParse(q["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var ts) && ts > 0
            ? TimeSpan.FromSeconds(ts)
            : TimeSpan.FromMinutes(30);
        var apiVersion = r.Type.ApiVersion(r.Version.Name);
        var ns = r.Namespace;
        string? onlyName = r.Name;
        var started = _store.Watch(r.Type.Key, ns, from,
            o => labels.Matches(o.Labels) && fields.Matches(o) && (onlyName is null || o.Name == onlyName));

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-cache, private";
        var body = ctx.Response.Body;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        cts.CancelAfter(timeout);
        var ct = cts.Token;
        if (started is null)
        {
            var status = ApiException.Expired($"too old resource version: {from} ({_store.CompactedRevision + 1})").ToStatus();
            await WriteLineAsync(body, "ERROR", Encoding.UTF8.GetBytes(status.ToJsonString()), ct).ConfigureAwait(false);
            return;
        }
        var (subscription, initial, revision) = started.Value;
        using var watchSubscription = subscription;
        var sent = 0;
        var asTable = TableConverter.IsWanted(ctx.Request);
        var lastRevision = from ?? revision;
        try
        {
            await body.FlushAsync(ct).ConfigureAwait(false);
            foreach (var e in initial)
            {
                await SendAsync(e).ConfigureAwait(false);
            }
            if (sendInitialEvents && bookmarks)
            {
                await BookmarkAsync(revision, initialEventsEnd: true).ConfigureAwait(false);
            }
            var reader = subscription.Events;
            Task<bool>? pending = null;
            while (!ct.IsCancellationRequested)
            {
                var wait = pending ??= reader.WaitToReadAsync(ct).AsTask();
                if (bookmarks)
                {
                    var delay = Task.Delay(_bookmarkInterval, ct);
                    if (await Task.WhenAny(wait, delay).ConfigureAwait(false) == delay)
                    {
                        var current = _store.CurrentRevision;
                        if (!reader.TryPeek(out _))
                        {
                            await BookmarkAsync(Math.Max(current, lastRevision), initialEventsEnd: false).ConfigureAwait(false);
                        }
                        continue;
                    }
                }
                pending = null;
                if (!await wait.ConfigureAwait(false))
                {
                    break;
                }
                while (reader.TryRead(out var e))
                {
                    await SendAsync(e).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed, the client went away, or the server is stopping: the watch simply ends.
        }

        async Task SendAsync(WatchEvent e)
        {
            var type = e.Type switch { WatchEventType.Added => "ADDED", WatchEventType.Modified => "MODIFIED", _ => "DELETED" };
            var bytes = asTable
                ? Encoding.UTF8.GetBytes(TableConverter.Table(r.Type, r.Version, [Conversion.VersionConverter.ToVersion(r.Type, e.Object.ToNode(), r.Version)], e.Revision.ToString(CultureInfo.InvariantCulture), null, withColumns: sent == 0).ToJsonString())
                : ObjectJson.Render(e.Object, r.Type, r.Version);
            await WriteLineAsync(body, type, bytes, ct).ConfigureAwait(false);
            lastRevision = Math.Max(lastRevision, e.Revision);
            sent++;
            if (cut is not null && sent >= cut.CutWatchAfterEvents)
            {
                // Give the flushed events time to reach the client before the reset, so the cut point is deterministic.
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None).ConfigureAwait(false);
                ctx.Abort();
                throw new OperationCanceledException("watch cut by fault injection");
            }
        }

        async Task BookmarkAsync(long rv, bool initialEventsEnd)
        {
            var meta = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) };
            if (initialEventsEnd)
            {
                meta["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }
            var obj = new JsonObject { ["kind"] = r.Type.Kind, ["apiVersion"] = apiVersion, ["metadata"] = meta };
            await WriteLineAsync(body, "BOOKMARK", Encoding.UTF8.GetBytes(obj.ToJsonString()), ct).ConfigureAwait(false);
        }
    }

    private static bool IsTrue(string? v) => v is "true" or "1" or "True";

    private static async Task WriteLineAsync(Stream body, string type, byte[] obj, CancellationToken ct)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        var buffer = new byte[head.Length + obj.Length + 2];
        head.CopyTo(buffer, 0);
        obj.CopyTo(buffer, head.Length);
        buffer[^2] = (byte)'}';
        buffer[^1] = (byte)'\n';
        await body.WriteAsync(buffer, ct).ConfigureAwait(false);
        await body.FlushAsync(ct).ConfigureAwait(false);
    }
}
