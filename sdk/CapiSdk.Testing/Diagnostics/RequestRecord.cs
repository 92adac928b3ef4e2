namespace CapiSdk.Testing.Diagnostics;

/// <summary>One API request as an authorizer sees it: what RBAC rules are written against.</summary>
/// <param name="Verb">get, list, watch, create, update, patch, delete or deletecollection.</param>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Resource">The resource's plural name, e.g. "clusters".</param>
/// <param name="Subresource">"status", or null for the resource itself.</param>
/// <param name="Namespace">The request's namespace; null for a cluster-scoped resource or an all-namespaces list or watch.</param>
/// <param name="Name">The object's name; null for list, watch of a collection, create and deletecollection.</param>
/// <param name="BearerToken">The request's bearer token, or null. The server authenticates no one (any token is accepted), so a
/// distinct token per client (in its kubeconfig) is how a test tells whose request it was.</param>
public sealed record RequestRecord(string Verb, string Group, string Resource, string? Subresource, string? Namespace, string? Name, string? BearerToken = null);
