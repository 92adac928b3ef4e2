using System.Collections.Generic;
using System.IO;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits the types every generated model and client may use, once per assembly, in the project-wide root
/// namespace: <c>IntOrString</c> (which, unlike KubernetesClient's, keeps whether the wire value was a number or
/// a string), the date converters, the client engine, its options and errors, and the helpers. They are kept as
/// real C# files in Templates/, embedded in the generator.
/// </summary>
internal static class SupportEmitter
{
    private static readonly string[] TemplateNames = { "IntOrString", "Rfc3339Converters", "ResourceDescriptor", "Options", "IResourceClient", "KubernetesApiException", "KubernetesResourceClient", "Conditions", "ObjectMetaExtensions", "LabelSelectorBuilder" };

    /// <summary>Every support file, with <c>CapiSdkRoot</c> replaced by the root namespace.</summary>
    public static IEnumerable<(string HintName, string Source)> Templates(string rootNamespace)
    {
        var assembly = typeof(SupportEmitter).Assembly;
        foreach (var name in TemplateNames)
        {
            using var stream = assembly.GetManifestResourceStream("CapiSdk.Generator.Templates." + name + ".cs")!;
            using var reader = new StreamReader(stream);
            yield return ("CapiSdk." + name + ".g.cs", reader.ReadToEnd().Replace("namespace CapiSdkRoot;", "namespace " + rootNamespace + ";"));
        }
    }
}
