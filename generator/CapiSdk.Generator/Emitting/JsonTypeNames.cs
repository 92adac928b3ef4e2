using System.Text;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The names of a type's members in <c>CrdJsonContext</c>, derived from its full name alone so that the context's
/// per-file sources can call each other's writers: <c>Create_Ns_V1_Widget</c>, <c>Write_Ns_V1_Widget</c>. Generated
/// type names never contain <c>_</c> after their first character, so these never clash with an accessor.
/// </summary>
internal static class JsonTypeNames
{
    public static string Creator(string fullName) => "Create_" + Mangle(fullName);

    public static string Writer(string fullName) => "Write_" + Mangle(fullName);

    /// <summary>KubernetesClient's classes have no extension data; the generator's own do.</summary>
    public static bool IsGenerated(string fullName) => !fullName.StartsWith("global::k8s.", System.StringComparison.Ordinal);

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
