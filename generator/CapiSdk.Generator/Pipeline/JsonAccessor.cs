namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// A public <c>JsonTypeInfo&lt;T&gt;</c> property of the context for one generated type, ordered by its resource's
/// namespace and root type name, then <paramref name="Order"/> within the resource.
/// </summary>
internal sealed record JsonAccessor(string Namespace, string RootName, int Order, string TypeName, string Name);
