using k8s.Models;

namespace CapiVipAllocator.Deployment.Tests.Rbac;

/// <summary>One verb on one resource from a role rule; <see cref="Namespace"/> is null for a ClusterRole (every namespace and cluster scope).</summary>
internal sealed record Grant(string Verb, string Group, string Resource, string? Namespace, string Role)
{
    public static IEnumerable<Grant> From(V1ClusterRole role) => Expand(role.Rules, null, $"ClusterRole {role.Metadata.Name}");

    public static IEnumerable<Grant> From(V1Role role) => Expand(role.Rules, role.Metadata.NamespaceProperty, $"Role {role.Metadata.NamespaceProperty}/{role.Metadata.Name}");

    public bool Allows(Call call) =>
        call.Verb == Verb && call.Group == Group && call.Resource == Resource && (Namespace is null || call.Namespace == Namespace);

    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource} ({Role})";

    private static IEnumerable<Grant> Expand(IEnumerable<V1PolicyRule> rules, string? ns, string role) =>
        from rule in rules
        from g in rule.ApiGroups
        from r in rule.Resources
        from v in rule.Verbs
        select new Grant(v, g, r, ns, role);
}
