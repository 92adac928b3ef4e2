using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Compiled schemas shared by every server in the process, keyed by the schema's content (a SHA-256 of its JSON), so a
/// server that starts with CRDs an earlier server compiled does not compile them again. Thread-safe; concurrent requests
/// for one schema share one compilation; bounded to <see cref="Capacity"/> schemas (the oldest go first); a failed
/// compilation is not kept, so the error is raised again on the next attempt.
/// </summary>
internal static class SchemaCache
{
    public const int Capacity = 512;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Task<SchemaValidator>> Entries = new(StringComparer.Ordinal);
    private static readonly Queue<string> Order = new();

    /// <exception cref="FormatException">A CEL rule cannot be compiled; the message names it.</exception>
    public static async Task<SchemaValidator> GetOrCompileAsync(JsonObject structural, CancellationToken cancellationToken)
    {
        var json = structural.ToJsonString();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        Task<SchemaValidator> compile;
        lock (Gate)
        {
            if (!Entries.TryGetValue(key, out compile!))
            {
                // Compiled from a private copy, and not cancelled by the first caller: other servers may await it.
                var copy = JsonNode.Parse(json)!.AsObject();
                compile = Task.Run(() => SchemaValidator.CreateAsync(copy, CancellationToken.None), CancellationToken.None);
                Entries.Add(key, compile);
                Order.Enqueue(key);
                while (Order.Count > Capacity)
                {
                    Entries.Remove(Order.Dequeue());
                }
            }
        }
        try
        {
            return await compile.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (compile.IsFaulted)
        {
            lock (Gate)
            {
                if (Entries.TryGetValue(key, out var stored) && stored == compile)
                {
                    Entries.Remove(key);
                }
            }
            throw;
        }
    }
}
