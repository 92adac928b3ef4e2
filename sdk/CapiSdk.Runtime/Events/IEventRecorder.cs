using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Events;

/// <summary>Records Kubernetes Events about objects, for <c>kubectl describe</c> and <c>kubectl events</c>.</summary>
public interface IEventRecorder
{
    /// <summary>
    /// Queues an Event about <paramref name="regarding"/> and returns at once; never throws. Repeats of the same
    /// event aggregate into one Event object whose <c>count</c> and <c>lastTimestamp</c> grow.
    /// </summary>
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="type">Normal or Warning.</param>
    /// <param name="reason">A short UpperCamelCase reason, e.g. "AddressAllocated".</param>
    /// <param name="message">A human-readable sentence.</param>
    /// <param name="action">What was done or failed, e.g. "Allocate"; optional.</param>
    void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string message, string? action = null);
}
