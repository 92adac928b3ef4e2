using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiSdk.Runtime.Events;

/// <summary>
/// Writes core/v1 Events the way client-go's <c>record</c> package does (what <c>kubectl describe</c> shows):
/// <see cref="Record"/> queues and returns; one background writer creates an Event named
/// <c>{object name}.{hex timestamp}</c> for the first occurrence and, for repeats of the same object, type, reason,
/// message and action within <see cref="EventRecorderOptions.AggregationWindow"/>, merge-patches that Event's
/// <c>count</c> and <c>lastTimestamp</c> instead of creating another. Failures are logged and the event dropped.
/// </summary>
public sealed class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly IKubernetes _client;
    private readonly EventRecorderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<object> _queue;
    private readonly Dictionary<EventKey, AggregatedEvent> _seen = [];
    private readonly Task _writer;
    private long _lastNameStamp;

    /// <summary>Creates the recorder and starts its writer.</summary>
    /// <param name="client">The Kubernetes client.</param>
    /// <param name="options">The component name and limits; validated here.</param>
    /// <param name="logger">Logs dropped events; null for none.</param>
    /// <param name="timeProvider">The clock for timestamps; null for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public EventRecorder(IKubernetes client, EventRecorderOptions options, ILogger<EventRecorder>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc/>
    public void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string message, string? action = null)
    {
        var name = regarding?.Metadata?.Name;
        var ns = regarding?.Metadata?.NamespaceProperty ?? "";
        if (regarding is null || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(reason))
        {
            EventRecorderLog.Dropped(_logger, reason ?? "", ns, name ?? "", "the object has no name or the reason is empty");
            return;
        }

        var key = new EventKey(
            regarding.ApiVersion ?? "",
            regarding.Kind ?? "",
            ns,
            name,
            regarding.Metadata!.Uid ?? "",
            type == EventType.Warning ? "Warning" : "Normal",
            reason,
            message ?? "",
            action ?? "");
        var pending = new PendingEvent(key, regarding.Metadata.ResourceVersion ?? "", _time.GetUtcNow().UtcDateTime);
        if (!_queue.Writer.TryWrite(pending))
        {
            EventRecorderLog.Dropped(_logger, reason, ns, name, "the queue is full or the recorder is stopped");
        }
    }

    /// <summary>Waits until every event recorded before this call has been written (or dropped).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the queue ahead of it is written.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(done, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops accepting events and writes the ones queued.</summary>
    /// <returns>A task that completes when the writer has finished.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task WriteLoopAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item is TaskCompletionSource flushed)
            {
                flushed.TrySetResult();
                continue;
            }

            var pending = (PendingEvent)item;
            using var timeout = new CancellationTokenSource(_options.WriteTimeout);
            try
            {
                await WriteAsync(pending, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException or IOException or JsonException)
            {
                EventRecorderLog.WriteFailed(_logger, e, pending.Key.Reason, pending.Key.Namespace, pending.Key.Name);
            }
        }
    }

    private async Task WriteAsync(PendingEvent pending, CancellationToken cancellationToken)
    {
        var key = pending.Key;
        if (_seen.TryGetValue(key, out var seen) && pending.Timestamp - seen.LastTimestamp <= _options.AggregationWindow)
        {
            var count = seen.Count + 1;
            var last = pending.Timestamp > seen.LastTimestamp ? pending.Timestamp : seen.LastTimestamp;
            var patch = JsonSerializer.Serialize(new Dictionary<string, object> { ["count"] = count, ["lastTimestamp"] = Timestamp(last) });
            try
            {
                await _client.CoreV1.PatchNamespacedEventAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), seen.Name, seen.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                seen.Count = count;
                seen.LastTimestamp = last;
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // The Event was deleted (or expired): start a new one, as client-go does.
                _seen.Remove(key);
            }
        }

        var eventNamespace = key.Namespace.Length > 0 ? key.Namespace : "default";
        var stamp = Math.Max(_lastNameStamp + 1, (pending.Timestamp - DateTime.UnixEpoch).Ticks * 100);
        _lastNameStamp = stamp;
        var created = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = $"{key.Name}.{stamp:x}", NamespaceProperty = eventNamespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = NullIfEmpty(key.ApiVersion),
                Kind = NullIfEmpty(key.Kind),
                Name = key.Name,
                NamespaceProperty = NullIfEmpty(key.Namespace),
                Uid = NullIfEmpty(key.Uid),
                ResourceVersion = NullIfEmpty(pending.ResourceVersion),
            },
            Type = key.Type,
            Reason = key.Reason,
            Message = key.Message,
            Action = NullIfEmpty(key.Action),
            Count = 1,
            FirstTimestamp = pending.Timestamp,
            LastTimestamp = pending.Timestamp,
            Source = new V1EventSource { Component = _options.Component, Host = _options.Instance },
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Instance,
        };
        await _client.CoreV1.CreateNamespacedEventAsync(created, eventNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        Remember(key, new AggregatedEvent(created.Metadata.Name, eventNamespace, pending.Timestamp));
    }

    private void Remember(EventKey key, AggregatedEvent aggregated)
    {
        _seen[key] = aggregated;
        if (_seen.Count > _options.CacheSize)
        {
            var oldest = _seen.MinBy(pair => pair.Value.LastTimestamp).Key;
            _seen.Remove(oldest);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
