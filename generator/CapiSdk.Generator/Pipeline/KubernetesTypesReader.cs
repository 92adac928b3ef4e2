using System;
using System.Collections.Generic;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// Reads <c>CapiSdkUseKubernetesTypes</c> (docs/kubernetes-types.md): <c>false</c> (the default) types no sub-schema
/// as a KubernetesClient class; <c>true</c> tries the classes of <see cref="Defaults"/>, in that order; a list of class
/// names (<c>V1LabelSelector;V1ObjectReference</c>, <c>;</c> or <c>,</c> between them, <c>k8s.Models.</c> optional)
/// tries those, which may be any class of <c>k8s.Models</c>, and <c>true</c> in the list stands for the defaults. A name that is not a C# identifier is reported
/// (CAPISDK008) and skipped; one the compilation has no such class for is reported when the classes are read (CAPISDK015).
/// </summary>
internal static class KubernetesTypesReader
{
    private const string ModelsPrefix = "k8s.Models.";

    /// <summary>The classes <c>true</c> tries, in this order: the ones CRDs embed most, then the references and selectors.</summary>
    public static readonly string[] Defaults =
    {
        "V1Container", "V1Volume", "V1VolumeMount", "V1EnvVar", "V1EnvFromSource", "V1ContainerPort", "V1ResourceRequirements",
        "V1Probe", "V1SecurityContext", "V1PodSecurityContext", "V1Affinity", "V1Toleration", "V1Taint", "V1TopologySpreadConstraint",
        "V1LabelSelector", "V1ObjectReference", "V1TypedLocalObjectReference", "V1LocalObjectReference", "V1SecretKeySelector",
        "V1ConfigMapKeySelector", "V1SecretReference", "V1Condition",
    };

    /// <summary>The class names to try, or null when <paramref name="value"/> is not set.</summary>
    public static EquatableArray<string>? Read(string? value, string source, List<DiagnosticInfo> diagnostics)
    {
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "false":
                return EquatableArray<string>.Empty;
            case "true":
                return Defaults.ToEquatableArray();
        }

        var names = new List<string>();
        foreach (var raw in value!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = raw.Trim();
            name = name.StartsWith(ModelsPrefix, StringComparison.Ordinal) ? name.Substring(ModelsPrefix.Length) : name;
            if (name.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                names.AddRange(Array.FindAll(Defaults, d => !names.Contains(d)));
            }
            else if (!Identifiers.IsIdentifier(name))
            {
                diagnostics.Add(OptionsReader.Invalid(raw.Trim(), source, "use 'true', 'false' or a list of KubernetesClient class names such as 'V1LabelSelector;V1ObjectReference'."));
            }
            else if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToEquatableArray();
    }
}
