namespace CapiSdk.Generator.Model;

/// <summary>
/// The KubernetesClient classes that <c>CapiSdkUseKubernetesTypes</c> asks for anywhere in the project, read from the
/// compilation: <paramref name="Candidates"/> are the classes asked for that exist (full names), <paramref name="Types"/>
/// those and every class they reach, <paramref name="Diagnostics"/> the names that are no usable class (CAPISDK015).
/// </summary>
internal sealed record KubernetesTypeCatalog(EquatableArray<string> Candidates, EquatableArray<KubernetesTypeModel> Types, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly KubernetesTypeCatalog Empty = new(EquatableArray<string>.Empty, EquatableArray<KubernetesTypeModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}
