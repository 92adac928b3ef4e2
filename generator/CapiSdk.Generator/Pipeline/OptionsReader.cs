using System;
using System.Collections.Generic;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Reads the generator's settings: MSBuild properties <c>CapiSdkNamespace</c> (else <c>RootNamespace</c>) and
/// <c>CapiSdkVersions</c>, and the same names as AdditionalFiles metadata, which win for their file; and the
/// <c>CapiSdkTypeNames</c> metadata (see <see cref="TypeNamesReader"/>); and <c>CapiSdkUseKubernetesTypes</c>, property or
/// metadata (see <see cref="KubernetesTypesReader"/>).
/// </summary>
internal static class OptionsReader
{
    public const string DefaultNamespace = "Crds";

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static OptionsResult ReadGlobal(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var projectNamespace = Value(options, "build_property.RootNamespace") is { } rootNamespace ? Identifiers.ToNamespace(rootNamespace) : null;
        var root = projectNamespace ?? DefaultNamespace;
        if (Value(options, "build_property.CapiSdkNamespace") is { } configured)
        {
            root = Namespace(configured, "the CapiSdkNamespace property", diagnostics) ?? root;
        }

        var versions = Versions(Value(options, "build_property.CapiSdkVersions"), "the CapiSdkVersions property", diagnostics) ?? VersionSelection.Served;
        var kubernetesTypes = KubernetesTypesReader.Read(Value(options, "build_property.CapiSdkUseKubernetesTypes"), "the CapiSdkUseKubernetesTypes property", diagnostics);
        return new OptionsResult(new GeneratorOptions(root, versions, root, KubernetesTypes: kubernetesTypes ?? EquatableArray<string>.Empty), diagnostics.ToEquatableArray());
    }

    public static FileOverrides ReadFile(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var @namespace = Value(options, "build_metadata.AdditionalFiles.CapiSdkNamespace") is { } configured
            ? Namespace(configured, "the CapiSdkNamespace metadata", diagnostics)
            : null;
        var versions = Versions(Value(options, "build_metadata.AdditionalFiles.CapiSdkVersions"), "the CapiSdkVersions metadata", diagnostics);
        var typeNames = TypeNamesReader.Read(Value(options, "build_metadata.AdditionalFiles.CapiSdkTypeNames"), diagnostics);
        var kubernetesTypes = KubernetesTypesReader.Read(Value(options, "build_metadata.AdditionalFiles.CapiSdkUseKubernetesTypes"), "the CapiSdkUseKubernetesTypes metadata", diagnostics);
        return new FileOverrides(@namespace, versions, diagnostics.ToEquatableArray(), typeNames, kubernetesTypes);
    }

    public static GeneratorOptions Merge(GeneratorOptions global, FileOverrides file) =>
        new(file.Namespace ?? global.RootNamespace, file.Versions ?? global.Versions, global.SupportNamespace, file.TypeNames, file.KubernetesTypes ?? global.KubernetesTypes);

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Namespace(string value, string source, List<DiagnosticInfo> diagnostics)
    {
        var result = Identifiers.ToNamespace(value);
        if (result is null)
        {
            diagnostics.Add(Invalid(value, source, "use a C# namespace such as 'MyCompany.Crds'; '" + DefaultNamespace + "' or the project's RootNamespace is used instead."));
        }

        return result;
    }

    private static VersionSelection? Versions(string? value, string source, List<DiagnosticInfo> diagnostics)
    {
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "served":
                return VersionSelection.Served;
            case "storage":
                return VersionSelection.Storage;
            case "all":
                return VersionSelection.All;
            default:
                diagnostics.Add(Invalid(value, source, "use 'served' (the default), 'storage' or 'all'."));
                return null;
        }
    }

    public static DiagnosticInfo Invalid(string value, string source, string fix) =>
        new(DiagnosticDescriptors.InvalidOption.Id, string.Empty, 0, 0, new[] { value, source, fix }.ToEquatableArray());
}
