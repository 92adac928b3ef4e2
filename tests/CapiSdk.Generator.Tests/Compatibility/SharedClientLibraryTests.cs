using CapiSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CapiSdk.Generator.Tests.Compatibility;

/// <summary>
/// Two projects that each generate code from their own CRDs share CapiSdk.Client's types: an IntOrString read by
/// one assembly's model is assigned to the other's, and both typed clients are the same IResourceClient.
/// </summary>
public sealed class SharedClientLibraryTests
{
    private static readonly string Widgets = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));
    private static readonly string Probes = File.ReadAllText(Path.Combine("Fixtures", "Mapping", "int-or-string.yaml"));

    [Fact]
    public void Two_generated_assemblies_pass_an_IntOrString_across_and_share_the_client_engine()
    {
        var alpha = GeneratorHarness.Run(new[] { ("/crds/widgets.yaml", Widgets) }, new Dictionary<string, string> { ["RootNamespace"] = "Alpha" });
        Assert.Empty(alpha.CompileDiagnostics);
        using var image = new MemoryStream();
        Assert.True(alpha.Output.Emit(image).Success);
        var bridge = """
            using Alpha.Example.V1;
            using Beta.Intorstring.V1;

            public static class Bridge
            {
                public static CapiSdk.Client.IntOrString? Copy(Widget widget, Probe probe)
                {
                    probe.Spec = new() { Port = widget.Spec?.Port };
                    return probe.Spec.Port;
                }

                public static CapiSdk.Client.IResourceClient<Widget>[] Widgets(WidgetClient client) => new[] { client };

                public static CapiSdk.Client.IResourceClient<Probe>[] Probes(ProbeClient client) => new[] { client };
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(extraSource: bridge).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        var beta = GeneratorHarness.RunOn(compilation, new[] { ("/crds/probes.yaml", Probes) }, new Dictionary<string, string> { ["RootNamespace"] = "Beta" });

        Assert.Empty(beta.GeneratorDiagnostics);
        Assert.Empty(beta.CompileDiagnostics.Select(d => d.ToString()));
        var widgetPort = Port(beta.Output, "Alpha.Example.V1.WidgetSpec");
        var probePort = Port(beta.Output, "Beta.Intorstring.V1.ProbeSpec");
        Assert.True(SymbolEqualityComparer.Default.Equals(widgetPort, probePort), widgetPort + " and " + probePort + " differ");
        Assert.Equal("CapiSdk.Client", widgetPort.ContainingAssembly.Name);
    }

    private static ITypeSymbol Port(Compilation compilation, string specType)
    {
        var property = compilation.GetTypeByMetadataName(specType)!.GetMembers("Port").OfType<IPropertySymbol>().Single();
        return ((INamedTypeSymbol)property.Type).TypeArguments.Single();
    }
}
