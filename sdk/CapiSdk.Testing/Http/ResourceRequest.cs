using CapiSdk.Testing.Resources;

namespace CapiSdk.Testing.Http;

/// <summary>A request path resolved to a resource: type, version, namespace, name and subresource.</summary>
internal sealed record ResourceRequest(ResourceType Type, ServedVersion Version, string? Namespace, string? Name, string? Subresource, bool WatchPath)
{
    /// <summary>Resolves <c>/api/v1/...</c> and <c>/apis/{group}/{version}/...</c> paths; null when the path is not a resource path.</summary>
    public static ResourceRequest? Parse(string[] segs, ResourceRegistry registry)
    {
        string group;
        string version;
        int rest;
        if (segs.Length >= 3 && segs[0] == "api")
        {
            (group, version, rest) = ("", segs[1], 2);
        }
        else if (segs.Length >= 4 && segs[0] == "apis")
        {
            (group, version, rest) = (segs[1], segs[2], 3);
        }
        else
        {
            return null;
        }
        var tail = segs[rest..];
        var watch = false;
        if (tail.Length > 0 && tail[0] == "watch")
        {
            watch = true;
            tail = tail[1..];
        }
        string? ns = null;
        if (tail.Length >= 3 && tail[0] == "namespaces" && !(group.Length == 0 && tail.Length == 3 && tail[2] is "status" or "finalize"))
        {
            ns = tail[1];
            tail = tail[2..];
        }
        if (tail.Length is 0 or > 3)
        {
            throw ApiException.ResourceNotFound(string.Join('/', segs));
        }
        var type = registry.Find(group, tail[0]) ?? throw ApiException.ResourceNotFound(string.Join('/', segs));
        var v = type.FindVersion(version) ?? throw ApiException.ResourceNotFound(string.Join('/', segs));
        if ((ns is not null && !type.Namespaced) || (ns is null && type.Namespaced && tail.Length > 1))
        {
            throw ApiException.ResourceNotFound(string.Join('/', segs));
        }
        var name = tail.Length > 1 ? tail[1] : null;
        var sub = tail.Length > 2 ? tail[2] : null;
        if (sub is not null && !(sub == "status" && type.HasStatusSubresource) && !(sub == "scale" && v.Scale is not null))
        {
            throw ApiException.ResourceNotFound(string.Join('/', segs));
        }
        return new ResourceRequest(type, v, ns, name, sub, watch);
    }
}
