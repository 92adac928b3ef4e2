using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CapiSdk.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable; each is documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CapiSdk.Generator";

    public static readonly DiagnosticDescriptor InternalError = Create(
        "CAPISDK000",
        "The CRD generator failed on a file",
        "The CRD generator failed while reading '{0}': {1}. The file was skipped; please report this with the file attached.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedYaml = Create(
        "CAPISDK001",
        "YAML file cannot be parsed",
        "'{0}' is not valid YAML: {1}. Fix the YAML, or remove the file from AdditionalFiles if it is not a CRD.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingCrdField = Create(
        "CAPISDK002",
        "CustomResourceDefinition lacks a required field",
        "CustomResourceDefinition '{0}' has no '{1}'; add it (a CRD needs spec.group, spec.names.kind, spec.names.plural and spec.versions). No model is generated for it.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor VersionWithoutName = Create(
        "CAPISDK003",
        "CRD version has no name",
        "Version #{1} of CustomResourceDefinition '{0}' has no 'name'; give it one (for example 'v1'). That version is skipped.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor VersionWithoutSchema = Create(
        "CAPISDK004",
        "CRD version has no schema",
        "Version '{1}' of CustomResourceDefinition '{0}' has no schema.openAPIV3Schema; its spec and status are generated as untyped JSON. Add a structural schema to get typed properties.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "CAPISDK005",
        "Unsupported schema construct",
        "Schema at '{0}' in CustomResourceDefinition '{1}' uses {2}, which the generator does not map; the value is typed as JsonNode. {3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateResource = Create(
        "CAPISDK006",
        "Duplicate CRD version",
        "Kind '{0}' version '{1}' of group '{2}' is defined again here (first in '{3}'); this copy is skipped. Remove one of the files, or give one a different namespace with the CapiSdkNamespace metadata.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor KubernetesClientMissing = Create(
        "CAPISDK007",
        "KubernetesClient is not referenced",
        "The generated models build on the KubernetesClient package, which this project does not reference. Add <PackageReference Include=\"KubernetesClient\" /> to the project.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "CAPISDK008",
        "Invalid generator option",
        "'{0}' is not a valid value for {1}; {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoVersionSelected = Create(
        "CAPISDK009",
        "No version of a CRD selected",
        "CustomResourceDefinition '{0}' has no version that matches CapiSdkVersions='{1}', so nothing is generated for it. Set CapiSdkVersions to 'served', 'storage' or 'all'.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSchemaValue = Create(
        "CAPISDK010",
        "Schema keyword has a value of the wrong kind",
        "Schema at '{0}' in CustomResourceDefinition '{1}': '{2}' should be {3}; the keyword is ignored. Fix the schema.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNameClash = Create(
        "CAPISDK011",
        "Two CRD files generate the same type",
        "Type '{0}' is generated from both '{1}' and '{2}' (their groups and versions share a namespace); the build fails with CS0101 until they are apart. Give one file another namespace with the CapiSdkNamespace metadata.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeNameNotApplied = Create(
        "CAPISDK012",
        "A type name from CapiSdkTypeNames is not applied",
        "'{0}' in the CapiSdkTypeNames metadata is not applied: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoCrdFiles = Create(
        "CAPISDK013",
        "No CRD files",
        "CapiSdk.Generator is referenced but the project lists no .yaml or .yml AdditionalFiles, so nothing is generated. Add the CRDs: <AdditionalFiles Include=\"crds/*.yaml\" />.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor KubernetesTypeRefused = Create(
        "CAPISDK014",
        "A sub-schema is not typed as the KubernetesClient class it resembles",
        "Schema at '{0}' in CustomResourceDefinition '{1}' resembles KubernetesClient's {2} but is generated as its own type: {3}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor KubernetesTypeUnknown = Create(
        "CAPISDK015",
        "CapiSdkUseKubernetesTypes names no usable KubernetesClient class",
        "'{0}' in CapiSdkUseKubernetesTypes is not used: {1}. Check the spelling against the k8s.Models namespace of the KubernetesClient version the project references, or remove the name.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ClientLibraryMissing = Create(
        "CAPISDK020",
        "CapiSdk.Client is not referenced",
        "The generated models and clients build on the CapiSdk.Client library (type '{0}'), which this project does not reference. Add <PackageReference Include=\"CapiSdk.Client\" /> (with KubernetesClient), or <PackageReference Include=\"CapiSdk.Client.Aot\" /> (with KubernetesClient.Aot) for trimming and NativeAOT; inside the CapiSdk repository, a ProjectReference to sdk/CapiSdk.Client.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MixedKubernetesClients = Create(
        "CAPISDK021",
        "KubernetesClient and KubernetesClient.Aot are both referenced",
        "The project references both KubernetesClient and KubernetesClient.Aot, which define the same types (k8s.*), so the generated code can use neither. CapiSdk.Client brings KubernetesClient and CapiSdk.Client.Aot brings KubernetesClient.Aot: reference one pair only (CapiSdk.Client.Aot with KubernetesClient.Aot for trimming and NativeAOT, else CapiSdk.Client with KubernetesClient).",
        DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [InternalError.Id] = InternalError,
        [MalformedYaml.Id] = MalformedYaml,
        [MissingCrdField.Id] = MissingCrdField,
        [VersionWithoutName.Id] = VersionWithoutName,
        [VersionWithoutSchema.Id] = VersionWithoutSchema,
        [UnsupportedSchema.Id] = UnsupportedSchema,
        [DuplicateResource.Id] = DuplicateResource,
        [KubernetesClientMissing.Id] = KubernetesClientMissing,
        [InvalidOption.Id] = InvalidOption,
        [NoVersionSelected.Id] = NoVersionSelected,
        [InvalidSchemaValue.Id] = InvalidSchemaValue,
        [TypeNameClash.Id] = TypeNameClash,
        [TypeNameNotApplied.Id] = TypeNameNotApplied,
        [NoCrdFiles.Id] = NoCrdFiles,
        [KubernetesTypeRefused.Id] = KubernetesTypeRefused,
        [KubernetesTypeUnknown.Id] = KubernetesTypeUnknown,
        [ClientLibraryMissing.Id] = ClientLibraryMissing,
        [MixedKubernetesClients.Id] = MixedKubernetesClients,
    };

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true);
}
