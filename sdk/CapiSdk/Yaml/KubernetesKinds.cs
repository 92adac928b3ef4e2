using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace CapiSdk.Yaml;

/// <summary>
/// The kinds a multi-document YAML reader turns into typed objects, by <c>apiVersion</c> and <c>kind</c>, each with
/// its JSON metadata (so reading and writing stay reflection-free). Build one from a generated context:
/// <c>new KubernetesKinds().Add(CrdJsonContext.Default, typeof(Cluster), typeof(ClusterClass))</c>.
/// </summary>
public sealed class KubernetesKinds
{
    private readonly Dictionary<(string ApiVersion, string Kind), JsonTypeInfo> _byKind = [];
    private readonly Dictionary<Type, JsonTypeInfo> _byType = [];

    /// <summary>The kinds known, as <c>apiVersion/kind</c> pairs.</summary>
    public IEnumerable<(string ApiVersion, string Kind)> Known => _byKind.Keys;

    /// <summary>Adds a kind; its apiVersion and kind are read from a new instance (generated models set both).</summary>
    /// <param name="type">JSON metadata of a Kubernetes object type with a constructor.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The type cannot be created, is not an <see cref="IKubernetesObject"/>, or sets no apiVersion/kind.</exception>
    public KubernetesKinds Add(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.CreateObject?.Invoke() is not IKubernetesObject sample || string.IsNullOrEmpty(sample.ApiVersion) || string.IsNullOrEmpty(sample.Kind))
        {
            throw new ArgumentException(
                $"{type.Type} cannot be read by apiVersion and kind: it must be an IKubernetesObject whose constructor sets ApiVersion and Kind (as generated models do).",
                nameof(type));
        }
        _byKind[(sample.ApiVersion, sample.Kind)] = type;
        _byType[type.Type] = type;
        return this;
    }

    /// <summary>Adds each type, with its metadata from <paramref name="context"/>.</summary>
    /// <param name="context">A JSON context that has metadata for every type (for example the generated <c>CrdJsonContext.Default</c>).</param>
    /// <param name="types">The Kubernetes object types.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">The context has no metadata for a type.</exception>
    public KubernetesKinds Add(JsonSerializerContext context, params IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            Add(context.GetTypeInfo(type) ?? throw new ArgumentException($"{context.GetType().Name} has no JSON metadata for {type}.", nameof(types)));
        }
        return this;
    }

    internal JsonTypeInfo? Find(string apiVersion, string kind) => _byKind.GetValueOrDefault((apiVersion, kind));

    internal JsonTypeInfo For(Type type) =>
        _byType.TryGetValue(type, out var info)
            ? info
            : throw new ArgumentException($"{type} is not among the known kinds; add its JSON metadata first (kinds.Add(context.GetTypeInfo(typeof({type.Name}))!)).", nameof(type));
}
