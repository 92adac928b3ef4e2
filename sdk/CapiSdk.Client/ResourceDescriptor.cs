using System.Text;

namespace CapiSdk.Client;

/// <summary>Where a kind lives in the API: group, version, plural name, and whether it is namespaced.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The API version, without the group.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Plural">The plural resource name used in URLs.</param>
/// <param name="Namespaced">True when objects live in a namespace.</param>
/// <param name="HasStatusSubresource">True when the kind has a <c>/status</c> subresource.</param>
public sealed record ResourceDescriptor(string Group, string Version, string Kind, string Plural, bool Namespaced, bool HasStatusSubresource)
{
    /// <summary>The <c>apiVersion</c> string: <c>group/version</c>, or the version alone for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The URL path of the collection, or of one object, or of its subresource.</summary>
    /// <param name="namespace">The namespace, for namespaced kinds; null lists across all namespaces.</param>
    /// <param name="name">The object's name, or null for the collection.</param>
    /// <param name="subresource">A subresource such as <c>status</c>, or null.</param>
    public string Path(string? @namespace, string? name = null, string? subresource = null)
    {
        var builder = new StringBuilder(Group.Length == 0 ? "/api/" : "/apis/" + Group + "/");
        builder.Append(Version);
        if (Namespaced && @namespace is not null)
        {
            builder.Append("/namespaces/").Append(Uri.EscapeDataString(@namespace));
        }

        builder.Append('/').Append(Plural);
        if (name is not null)
        {
            builder.Append('/').Append(Uri.EscapeDataString(name));
            if (subresource is not null)
            {
                builder.Append('/').Append(subresource);
            }
        }

        return builder.ToString();
    }
}
