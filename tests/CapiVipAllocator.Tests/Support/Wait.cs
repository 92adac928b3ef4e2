using System.Text.Json;
using CapiSdk.Client;
using CapiSdk.Models;
using k8s;
using k8s.Models;

namespace CapiVipAllocator.Tests.Support;

/// <summary>Waits for an object to reach a state by watching it (a typed watch from a fresh list).</summary>
internal static class Wait
{
    public static async Task<T> ForAsync<T>(IResourceClient<T> client, string? ns, string name, Func<T, bool> test)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var timeout = new CancellationTokenSource(Scenario.Timeout);
        T? last = null;
        try
        {
            await foreach (var change in client.WatchAsync(ns, new WatchOptions { FieldSelector = "metadata.name=" + name }, timeout.Token))
            {
                if (change.Type is WatchEventKind.Added or WatchEventKind.Modified)
                {
                    last = change.Object;
                    if (test(change.Object))
                    {
                        return change.Object;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"{typeof(T).Name} {ns}/{name} did not reach the expected state within {Scenario.Timeout.TotalSeconds} s; last seen: " +
            (last is null ? "<none>" : JsonSerializer.Serialize(last, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)CrdJsonContext.Default.GetTypeInfo(typeof(T))!)));
    }

    /// <summary>Waits until a condition over server state holds, re-checked on every change the server makes.</summary>
    public static async Task UntilAsync(CapiSdk.Testing.KubeApiServer server, Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Scenario.Timeout);
        using var changes = server.Changes.Subscribe();
        try
        {
            while (!await condition())
            {
                await changes.Reader.ReadAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{what}: not reached within {Scenario.Timeout.TotalSeconds} s");
        }
    }
}
