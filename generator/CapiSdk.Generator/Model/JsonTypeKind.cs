namespace CapiSdk.Generator.Model;

/// <summary>How a C# type is read and written, which decides the JSON metadata emitted for it.</summary>
internal enum JsonTypeKind
{
    /// <summary>A value read and written by one converter (strings, numbers, enums, IntOrString, JsonNode).</summary>
    Value,

    /// <summary>A class with properties: generated from a schema, or KubernetesClient's (V1ObjectMeta).</summary>
    Object,

    /// <summary><c>IList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IDictionary&lt;string, T&gt;</c>.</summary>
    Map,
}
