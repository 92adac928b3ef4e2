using CapiSdk.Testing.Diagnostics;

namespace CapiVipAllocator.Deployment.Tests.Rbac;

/// <summary>A request as RBAC authorizes it: verb, API group, resource (with "/subresource"), and namespace (null: cluster scope).</summary>
internal sealed record Call(string Verb, string Group, string Resource, string? Namespace)
{
    public static Call From(RequestRecord r) =>
        new(r.Verb, r.Group, r.Subresource is null ? r.Resource : $"{r.Resource}/{r.Subresource}", r.Namespace);

    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource} in {Namespace ?? "cluster scope"}";
}
