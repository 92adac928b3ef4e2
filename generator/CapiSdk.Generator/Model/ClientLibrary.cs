namespace CapiSdk.Generator.Model;

/// <summary>
/// The CapiSdk.Client library the generated code builds on (the client engine, <c>IntOrString</c>, the
/// converters, the condition contract): the generator names its types, fully qualified, and never references it.
/// </summary>
internal static class ClientLibrary
{
    /// <summary>The library's namespace.</summary>
    public const string Namespace = "CapiSdk.Client";

    /// <summary>The prefix of a fully-qualified library type name in generated code.</summary>
    public const string Prefix = "global::" + Namespace + ".";

    /// <summary>A library type looked up by metadata name to tell whether the compilation references the library.</summary>
    public const string MarkerMetadataName = Namespace + ".KubernetesResourceClient`2";

    /// <summary>The library's <c>IntOrString</c>.</summary>
    public const string IntOrString = Prefix + "IntOrString";
}
