using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>Where an object lives in the store: resource, namespace (empty when cluster-scoped) and name; ordered ordinally.</summary>
internal readonly record struct ObjectKey(string Resource, string Namespace, string Name) : IComparable<ObjectKey>
{
    public static ObjectKey Of(StoredObject o) => new(o.Resource, o.Namespace, o.Name);

    public int CompareTo(ObjectKey other)
    {
        var c = string.CompareOrdinal(Resource, other.Resource);
        if (c == 0)
        {
            c = string.CompareOrdinal(Namespace, other.Namespace);
        }
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }
}
