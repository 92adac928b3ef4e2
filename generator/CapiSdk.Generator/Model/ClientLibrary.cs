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

    /// <summary>The contract of a generated extensible enum.</summary>
    public const string StringEnum = Prefix + "IStringEnum";

    /// <summary>The converter of every generated extensible enum.</summary>
    public const string StringEnumConverter = Prefix + "StringEnumConverter";

    /// <summary>The converter expression (<c>new …StringEnumConverter&lt;T&gt;()</c>) of a generated enum.</summary>
    public static string EnumConverter(string enumTypeName) => "new " + StringEnumConverter + "<" + enumTypeName + ">()";

    /// <summary>The converter of KubernetesClient's <c>IntOrString</c> that writes a string of digits back as a string.</summary>
    public const string KubernetesIntOrStringConverter = Prefix + "KubernetesIntOrStringConverter";

    /// <summary>The converter of KubernetesClient's <c>ResourceQuantity</c> that writes a quantity back as it was read.</summary>
    public const string ResourceQuantityConverter = Prefix + "ResourceQuantityConverter";

    /// <summary>
    /// The library's public type names. Generated nested types never take one: code that imports a model namespace
    /// and <c>CapiSdk.Client</c> (as every program using the conditions or clients does) would get CS0104.
    /// </summary>
    public static readonly string[] TypeNames =
    {
        "ConditionExtensions",
        "ConditionStatus",
        "DeleteOptions",
        "IHasConditions",
        "IKubernetesCondition",
        "IResourceClient",
        "IStringEnum",
        "IntOrString",
        "KubernetesAlreadyExistsException",
        "KubernetesApiException",
        "KubernetesConflictException",
        "KubernetesForbiddenException",
        "KubernetesGoneException",
        "KubernetesIntOrStringConverter",
        "KubernetesInvalidException",
        "KubernetesNotFoundException",
        "KubernetesResourceClient",
        "KubernetesTooManyRequestsException",
        "KubernetesUnauthorizedException",
        "LabelSelectorBuilder",
        "ListOptions",
        "ObjectMetaExtensions",
        "PatchFormat",
        "PropagationPolicy",
        "ResourceDescriptor",
        "ResourceQuantityConverter",
        "Rfc3339",
        "Rfc3339DateTimeConverter",
        "Rfc3339DateTimeOffsetConverter",
        "StringEnumConverter",
        "WatchEvent",
        "WatchEventKind",
        "WatchOptions",
        "WriteOptions",
    };
}
