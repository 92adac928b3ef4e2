using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The names of the creator and fast-path writer of each type in one part of <c>CrdJsonContext</c>. A file's own
/// types are numbered (<c>C3</c>, <c>W3</c>: short, because the compiler names every lambda after its method, and
/// those names fill the assembly's string heap); KubernetesClient's types, which the root holds and every file uses,
/// are named after the type (<c>Write_k8s_Models_V1ObjectMeta</c>). Generated type names never contain <c>_</c> after
/// their first character, so the root's names never clash with an accessor.
/// </summary>
internal sealed class JsonTypeNames
{
    private readonly Dictionary<string, int> _local = new();
    private readonly bool _root;

    public JsonTypeNames(IEnumerable<ObjectTypeModel> localTypes, bool root)
    {
        _root = root;
        foreach (var type in localTypes)
        {
            if (!_local.ContainsKey(type.FullName))
            {
                _local.Add(type.FullName, _local.Count);
            }
        }
    }

    /// <summary>KubernetesClient's classes have no extension data; the generator's own do.</summary>
    public static bool IsGenerated(string fullName) => !fullName.StartsWith("global::k8s.", System.StringComparison.Ordinal);

    public string Creator(string fullName) => Name("C", "Create_", fullName)!;

    /// <summary>The writer of <paramref name="fullName"/>, or null when this part of the context does not know it.</summary>
    public string? Writer(string fullName) => Name("W", "Write_", fullName);

    private string? Name(string localPrefix, string rootPrefix, string fullName)
    {
        if (!_root && _local.TryGetValue(fullName, out var index))
        {
            return localPrefix + index.ToString(CultureInfo.InvariantCulture);
        }

        return _root || !IsGenerated(fullName) ? rootPrefix + Mangle(fullName) : null;
    }

    private static string Mangle(string fullName)
    {
        var name = fullName.StartsWith("global::", System.StringComparison.Ordinal) ? fullName.Substring("global::".Length) : fullName;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c switch
            {
                '.' => "_",
                '_' => "__",
                '@' => string.Empty,
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
