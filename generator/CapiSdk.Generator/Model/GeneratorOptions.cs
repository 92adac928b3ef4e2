namespace CapiSdk.Generator.Model;

/// <summary>
/// The settings that apply to one CRD file: the root of its models' namespaces, which versions to emit, and the
/// project-wide namespace of the support types (IntOrString, the client engine, the JSON context), the type
/// names the user gave places in the file's schemas (<c>CapiSdkTypeNames</c>), and the KubernetesClient classes a
/// compatible sub-schema is typed as (<c>CapiSdkUseKubernetesTypes</c>; empty: none, the default).
/// </summary>
internal sealed record GeneratorOptions(
    string RootNamespace,
    VersionSelection Versions,
    string SupportNamespace,
    EquatableArray<TypeNameMapping> TypeNames = default,
    EquatableArray<string> KubernetesTypes = default);
