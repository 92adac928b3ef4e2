using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Informers;

/// <summary>The thread-safe cache behind an informer: objects by key, and indexes from values to keys.</summary>
/// <typeparam name="T">The kind.</typeparam>
internal sealed class ObjectStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public static string KeyOf(T value)
    {
        var metadata = value.Metadata;
        return string.IsNullOrEmpty(metadata?.NamespaceProperty) ? metadata?.Name ?? string.Empty : metadata.NamespaceProperty + "/" + metadata.Name;
    }

    public void AddIndexer(string name, Func<T, IEnumerable<string>> index)
    {
        lock (_lock)
        {
            _indexers[name] = index;
            var values = _indices[name] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (key, item) in _items)
            {
                AddToIndex(values, index, key, item);
            }
        }
    }

    public T? Get(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public T[] List()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    public string[] Keys()
    {
        lock (_lock)
        {
            return [.. _items.Keys];
        }
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            if (!_indices.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException("No index named '" + indexName + "'.", nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? keys.Select(k => _items[k]).ToArray() : [];
        }
    }

    /// <summary>Stores an object and returns the one it replaced.</summary>
    public T? Upsert(string key, T value)
    {
        lock (_lock)
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                RemoveFromIndices(key, old);
            }

            _items[key] = value;
            foreach (var (name, index) in _indexers)
            {
                AddToIndex(_indices[name], index, key, value);
            }

            return old;
        }
    }

    /// <summary>Removes an object and returns it.</summary>
    public T? Remove(string key)
    {
        lock (_lock)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            RemoveFromIndices(key, old);
            return old;
        }
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> values, Func<T, IEnumerable<string>> index, string key, T item)
    {
        foreach (var value in index(item))
        {
            if (!values.TryGetValue(value, out var keys))
            {
                values[value] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(key);
        }
    }

    private void RemoveFromIndices(string key, T old)
    {
        foreach (var (name, index) in _indexers)
        {
            var values = _indices[name];
            foreach (var value in index(old))
            {
                if (values.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    values.Remove(value);
                }
            }
        }
    }
}
