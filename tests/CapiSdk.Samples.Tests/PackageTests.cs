using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CapiSdk.Samples.Tests.Infrastructure;

namespace CapiSdk.Samples.Tests;

/// <summary>What <c>dotnet pack</c> writes for each package: the metadata, files and symbols a user relies on.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageTests(PackedPackages packages)
{
    public static TheoryData<string> Ids => new(PackedPackages.Ids);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_package_has_its_version_readme_license_and_repository(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        var metadata = Metadata(package);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "Apache-2.0"), ((string?)license.Attribute("type"), license.Value));
        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");
        Assert.Equal("https://github.com/capisdk/capisdk", (string?)repository.Attribute("url"));
        Assert.Equal("https://github.com/capisdk/capisdk", Value(metadata, "projectUrl"));
    }

    [Theory]
    [InlineData("CapiSdk")]
    [InlineData("CapiSdk.Testing")]
    [InlineData("CapiSdk.Runtime")]
    [InlineData("CapiSdk.IpamSimulator")]
    public void A_library_package_has_a_symbol_package_with_its_pdb(string id)
    {
        using var symbols = ZipFile.OpenRead(packages.PackagePath(id, "snupkg"));

        Assert.NotNull(symbols.GetEntry($"lib/net10.0/{id}.pdb"));
    }

    [Theory]
    [InlineData("CapiSdk.Client", "KubernetesClient")]
    [InlineData("CapiSdk.Client.Aot", "KubernetesClient.Aot")]
    public void The_client_library_targets_net8_so_NET_8_projects_can_use_the_generated_code_and_has_its_pdb(string id, string kubernetesClient)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        using var symbols = ZipFile.OpenRead(packages.PackagePath(id, "snupkg"));

        Assert.NotNull(package.GetEntry($"lib/net8.0/{id}.dll"));
        Assert.NotNull(symbols.GetEntry($"lib/net8.0/{id}.pdb"));
        var dependencies = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Equal([kubernetesClient], dependencies);
    }

    [Fact]
    public void The_generator_package_is_an_analyzer_with_its_pdb_embedded_and_no_package_dependency()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("CapiSdk.Generator"));
        var metadata = Metadata(package);
        var generator = package.GetEntry("analyzers/dotnet/cs/CapiSdk.Generator.dll")!;
        using var stream = new MemoryStream();
        using (var entry = generator.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);

        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.NotNull(package.GetEntry("analyzers/dotnet/cs/YamlDotNet.dll"));
        Assert.NotNull(package.GetEntry("build/CapiSdk.Generator.props"));
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));
        // The project picks CapiSdk.Client or CapiSdk.Client.Aot: a dependency on either would bring its KubernetesClient.
        Assert.Empty(metadata.Descendants(metadata.Name.Namespace + "dependency"));
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        Assert.False(File.Exists(packages.PackagePath("CapiSdk.Generator", "snupkg")));
    }

    [Fact]
    public void CapiSdk_depends_on_KubernetesClient_and_not_on_the_generator_it_was_built_with()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("CapiSdk"));

        var dependencies = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();

        Assert.Contains("KubernetesClient", dependencies);
        Assert.Contains("CapiSdk.Client", dependencies);
        Assert.DoesNotContain("CapiSdk.Generator", dependencies);
    }

    [Fact]
    public void CapiSdk_Runtime_depends_on_CapiSdk_Client_and_not_on_the_Cluster_API_models()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("CapiSdk.Runtime"));

        var dependencies = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();

        Assert.Contains("CapiSdk.Client", dependencies);
        Assert.DoesNotContain("CapiSdk", dependencies);
    }

    [Fact]
    public void CapiSdk_ships_the_CRDs_its_models_come_from_as_content_copied_to_the_output()
    {
        using var package = ZipFile.OpenRead(packages.PackagePath("CapiSdk"));
        var crds = Path.Combine(Repository.Root, "crds");
        var expected = Directory.GetFiles(crds, "*.yaml", SearchOption.AllDirectories)
            .Select(f => "contentFiles/any/any/crds/" + Path.GetRelativePath(crds, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        var shipped = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("contentFiles/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var files = Metadata(package).Descendants().Where(e => e.Name.LocalName == "files").ToList();

        Assert.Equal(expected, shipped);
        Assert.All(files, f => Assert.Equal(("None", "true"), ((string?)f.Attribute("buildAction"), (string?)f.Attribute("copyToOutput"))));
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;
}
