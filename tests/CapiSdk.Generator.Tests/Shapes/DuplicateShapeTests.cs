using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CapiSdk.Generator.Tests.Shapes;

/// <summary>
/// One C# type per shape: no corpus generates two types of one namespace with the same structure, read back
/// from the generated source (see <see cref="ShapeCensus"/>). Each test prints the type count and longest names.
/// </summary>
public sealed class DuplicateShapeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures() => new(Directory.GetFiles(Path.Combine("Fixtures", "Mapping"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [SkippableFact]
    public void The_upstream_corpus_generates_no_two_types_of_one_shape()
    {
        Skip.If(UpstreamCorpus.Root is null, UpstreamCorpus.MissingReason);

        AssertNoDuplicates(new ShapeCensus(Corpus.CorpusBuild.Run));
    }

    [Fact]
    public void The_SDKs_own_crds_generate_no_two_types_of_one_shape()
    {
        var files = SdkCrds.Files();

        var run = GeneratorHarness.Run(files.Select(f => (f, File.ReadAllText(f))));

        Assert.NotEmpty(files);
        AssertNoDuplicates(new ShapeCensus(run));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_mapping_fixture_generates_no_two_types_of_one_shape(string fixture)
    {
        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "Mapping", fixture + ".yaml")), "/crds/" + fixture + ".yaml");

        AssertNoDuplicates(new ShapeCensus(run));
    }

    private void AssertNoDuplicates(ShapeCensus census)
    {
        output.WriteLine(census.Figures());
        Assert.NotEmpty(census.Types);
        Assert.Empty(census.Duplicates().Select(d => string.Join(" = ", d)));
    }
}
