using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
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
    /// <summary>How long a cut watch waits, after its last event, before it resets the connection.</summary>
    private static readonly TimeSpan CutDrainTime = TimeSpan.FromMilliseconds(500);

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
        var body = ctx.Response.BodyWriter;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        cts.CancelAfter(timeout);
        var ct = cts.Token;
        if (started is null)
        {
            var status = ApiException.Expired($"too old resource version: {from} ({_store.CompactedRevision + 1})").ToStatus();
            await WriteLineAsync(body, "ERROR", JsonBytes.Of(status), ct).ConfigureAwait(false);
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
                ? JsonBytes.Of(TableConverter.Table(r.Type, r.Version, [Conversion.VersionConverter.ToVersion(r.Type, e.Object.ToNode(), r.Version)], e.Revision.ToString(CultureInfo.InvariantCulture), null, withColumns: sent == 0))
                : ObjectJson.Render(e.Object, r.Type, r.Version);
            await WriteLineAsync(body, type, bytes, ct).ConfigureAwait(false);
            lastRevision = Math.Max(lastRevision, e.Revision);
            sent++;
            if (cut is not null && sent >= cut.CutWatchAfterEvents)
            {
                // Abort drops whatever Kestrel has not yet handed to the socket, and FlushAsync does not wait for the
                // socket: give the flushed events time to get out before the reset. 100 ms lost the last event once
                // on a busy CI machine (SharedInformerTests); a truncated line and a graceful end would not need a wait.
                await Task.Delay(CutDrainTime, CancellationToken.None).ConfigureAwait(false);
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
            await WriteLineAsync(body, "BOOKMARK", JsonBytes.Of(obj), ct).ConfigureAwait(false);
        }
    }

    private static bool IsTrue(string? v) => v is "true" or "1" or "True";

    /// <summary>One event line, copied straight into the response's pipe (the object's bytes are shared by every watcher).</summary>
    private static async Task WriteLineAsync(PipeWriter body, string type, byte[] obj, CancellationToken ct)
    {
        Write(body, type, obj);
        await body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void Write(PipeWriter body, string type, byte[] obj)
    {
        body.Write(type switch
        {
            "ADDED" => "{\"type\":\"ADDED\",\"object\":"u8,
            "MODIFIED" => "{\"type\":\"MODIFIED\",\"object\":"u8,
            "DELETED" => "{\"type\":\"DELETED\",\"object\":"u8,
            "BOOKMARK" => "{\"type\":\"BOOKMARK\",\"object\":"u8,
            _ => "{\"type\":\"ERROR\",\"object\":"u8,
        });
        body.Write(obj);
        body.Write("}\n"u8);
    }
}
