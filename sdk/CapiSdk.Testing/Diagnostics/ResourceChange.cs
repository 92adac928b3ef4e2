using System.Text.Json;

namespace CapiSdk.Testing.Diagnostics;

/// <summary>One change the server made to its store, in resourceVersion order.</summary>
/// <param name="Type">Added, Modified or Deleted.</param>
/// <param name="Resource">The resource as plural.group, e.g. "widgets.example.com" or "namespaces".</param>
/// <param name="Namespace">The namespace, or empty for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
/// <param name="ResourceVersion">The resourceVersion the change produced.</param>
/// <param name="Object">The object after the change (for Deleted: its last state).</param>
public sealed record ResourceChange(ChangeType Type, string Resource, string Namespace, string Name, long ResourceVersion, JsonElement Object);
