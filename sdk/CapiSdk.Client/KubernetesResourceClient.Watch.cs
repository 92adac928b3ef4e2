using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace CapiSdk.Client;

// The watch: list first, resume after cuts, relist after 410 Gone and deliver the differences.
public abstract partial class KubernetesResourceClient<T, TList>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IKubernetesObject<V1ListMeta>
{
    /// <summary>
    /// Watches objects as a stream of typed events that does not end until cancelled. Without a starting
    /// resourceVersion it first lists the current objects (as Added events, then a Bookmark carrying the list's
    /// resourceVersion: the stream is "synced" there). A cut stream or a server error is resumed from the last
    /// resourceVersion seen (bookmarks included), with backoff; when that version is too old (410 Gone) the
    /// objects are listed again and the differences are delivered as events, deletes missed in between included.
    /// </summary>
    protected async IAsyncEnumerable<WatchEvent<T>> WatchCoreAsync(
        string? @namespace,
        WatchOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= new WatchOptions();
        var known = new Dictionary<string, T>(StringComparer.Ordinal);
        var resourceVersion = options.ResourceVersion;
        var delay = options.InitialRetryDelay;
        var relist = resourceVersion is null;
        var announceSync = relist;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (relist)
            {
                List<T> current;
                string? listVersion;
                try
                {
                    (current, listVersion) = await ListEverythingAsync(@namespace, options, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when ((IsTransient(exception) || exception is KubernetesGoneException) && !cancellationToken.IsCancellationRequested)
                {
                    // A failed (re)list keeps what is known, so the deletes it would report are not lost.
                    await Task.Delay(RetryDelay(exception, delay), cancellationToken).ConfigureAwait(false);
                    delay = Next(delay, options.MaxRetryDelay);
                    continue;
                }

                foreach (var change in Reconcile(known, current))
                {
                    yield return change;
                }

                resourceVersion = listVersion;
                relist = false;
                if (announceSync)
                {
                    announceSync = false;
                    if (options.IncludeBookmarks)
                    {
                        var marker = JsonSerializer.Deserialize("{}", _type)!;
                        marker.Metadata = new V1ObjectMeta { ResourceVersion = listVersion };
                        yield return new WatchEvent<T>(WatchEventKind.Bookmark, marker);
                    }
                }
            }

            HttpResponseMessage? response = null;
            try
            {
                var query = new Query()
                    .Add("watch", "true")
                    .Add("allowWatchBookmarks", "true")
                    .Add("labelSelector", options.LabelSelector)
                    .Add("fieldSelector", options.FieldSelector)
                    .Add("resourceVersion", resourceVersion)
                    .Add("timeoutSeconds", options.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
                response = await SendRawAsync(HttpMethod.Get, Resource.Path(@namespace) + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesGoneException)
            {
                relist = true;
                continue;
            }
            catch (Exception exception) when (IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RetryDelay(exception, delay), cancellationToken).ConfigureAwait(false);
                delay = Next(delay, options.MaxRetryDelay);
                continue;
            }

            var received = 0;
            KubernetesApiException? streamError = null;
            using (response)
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                while (true)
                {
                    string? line;
                    try
                    {
                        line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    if (line is null)
                    {
                        break;
                    }

                    if (line.Length == 0)
                    {
                        continue;
                    }

                    var (type, item, error) = ParseEvent(line);
                    if (error is not null)
                    {
                        if (error.Code == 410 || error.Reason is "Expired" or "Gone")
                        {
                            relist = true;
                        }
                        else
                        {
                            streamError = KubernetesApiException.From(error);
                        }

                        break;
                    }

                    received++;
                    delay = options.InitialRetryDelay;
                    resourceVersion = item!.Metadata?.ResourceVersion ?? resourceVersion;
                    if (type == WatchEventKind.Bookmark)
                    {
                        if (options.IncludeBookmarks)
                        {
                            yield return new WatchEvent<T>(WatchEventKind.Bookmark, item);
                        }

                        continue;
                    }

                    var key = Key(item);
                    if (type == WatchEventKind.Deleted)
                    {
                        known.Remove(key);
                    }
                    else
                    {
                        known[key] = item;
                    }

                    yield return new WatchEvent<T>(type, item);
                }
            }

            if (streamError is not null && !IsTransient(streamError))
            {
                throw streamError;
            }

            if (!relist && (streamError is not null || received == 0))
            {
                // An error event, or a stream that closed without a single event: back off, so a server or
                // proxy that ends every watch at once does not get a hot reconnect loop.
                await Task.Delay(streamError is null ? delay : RetryDelay(streamError, delay), cancellationToken).ConfigureAwait(false);
                delay = Next(delay, options.MaxRetryDelay);
            }
        }
    }

    private async Task<(List<T> Items, string? ResourceVersion)> ListEverythingAsync(
        string? @namespace, WatchOptions options, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        var page = new ListOptions { LabelSelector = options.LabelSelector, FieldSelector = options.FieldSelector, Limit = 500 };
        while (true)
        {
            var list = await ListCoreAsync(@namespace, page, cancellationToken).ConfigureAwait(false);
            items.AddRange(list.Items);
            resourceVersion ??= list.Metadata?.ResourceVersion;
            if (string.IsNullOrEmpty(list.Metadata?.ContinueProperty))
            {
                return (items, resourceVersion);
            }

            page = page with { Continue = list.Metadata!.ContinueProperty };
        }
    }

    private (WatchEventKind Type, T? Object, V1Status? Error) ParseEvent(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var typeName = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        var objectElement = root.TryGetProperty("object", out var value) ? value : default;
        WatchEventKind? type = typeName switch
        {
            "ADDED" => WatchEventKind.Added,
            "MODIFIED" => WatchEventKind.Modified,
            "DELETED" => WatchEventKind.Deleted,
            "BOOKMARK" => WatchEventKind.Bookmark,
            _ => null,
        };
        if (type is null)
        {
            var text = objectElement.ValueKind == JsonValueKind.Undefined ? line : objectElement.GetRawText();
            return (WatchEventKind.Bookmark, null, KubernetesApiException.ReadStatus(500, text));
        }

        return (type.Value, JsonSerializer.Deserialize(objectElement, _type), null);
    }

    private IEnumerable<WatchEvent<T>> Reconcile(Dictionary<string, T> known, List<T> current)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<WatchEvent<T>>();
        foreach (var item in current)
        {
            var key = Key(item);
            seen.Add(key);
            if (!known.TryGetValue(key, out var previous))
            {
                changes.Add(new WatchEvent<T>(WatchEventKind.Added, item));
            }
            else if (previous.Metadata?.ResourceVersion != item.Metadata?.ResourceVersion)
            {
                changes.Add(new WatchEvent<T>(WatchEventKind.Modified, item));
            }

            known[key] = item;
        }

        foreach (var key in new List<string>(known.Keys))
        {
            if (!seen.Contains(key))
            {
                changes.Add(new WatchEvent<T>(WatchEventKind.Deleted, known[key]));
                known.Remove(key);
            }
        }

        return changes;
    }

    private static string Key(T item) => (item.Metadata?.NamespaceProperty ?? string.Empty) + "/" + (item.Metadata?.Name ?? string.Empty);

    private static bool IsTransient(Exception exception) => exception switch
    {
        HttpRequestException or IOException => true,
        KubernetesApiException api => api.StatusCode is 429 or >= 500,
        TaskCanceledException => false,
        _ => false,
    };

    private static TimeSpan RetryDelay(Exception exception, TimeSpan delay) =>
        exception is KubernetesApiException { RetryAfter: { } retryAfter } && retryAfter > delay ? retryAfter : delay;

    private static TimeSpan Next(TimeSpan delay, TimeSpan max) =>
        delay + delay > max ? max : delay + delay;
}
