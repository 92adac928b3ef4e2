using System.Linq;
using CapiSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapiSdk.Generator.Parsing;

/// <summary>Tells from the compilation's references whether the generated code has its client library to build on.</summary>
internal static class ClientLibraryReader
{
    public static ClientLibraryState Read(Compilation compilation)
    {
        // Both define k8s.*: every KubernetesClient type is ambiguous (CS0433), so neither can be used.
        var names = compilation.ReferencedAssemblyNames.Select(static a => a.Name).ToList();
        if (names.Contains("KubernetesClient") && names.Contains("KubernetesClient.Aot"))
        {
            return ClientLibraryState.MixedKubernetesClients;
        }

        return compilation.GetTypeByMetadataName(ClientLibrary.MarkerMetadataName) is null ? ClientLibraryState.Missing : ClientLibraryState.Present;
    }
}
