using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Diagnostics;

/// <summary>
/// Truncated and mutated CRD YAML never makes the generator throw: the compiler would report CS8785 and drop
/// every output. Nor may it hide an exception behind CAPISDK000.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"));

    public static IEnumerable<object[]> Inputs()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 60; i++)
        {
            yield return new object[] { "truncated-" + i, Seed[..random.Next(Seed.Length)] };
        }

        var lines = Seed.Split('\n');
        for (var i = 0; i < 80; i++)
        {
            var mutated = lines.ToArray();
            for (var j = 0; j < 3; j++)
            {
                var line = random.Next(mutated.Length);
                mutated[line] = random.Next(6) switch
                {
                    0 => string.Empty,
                    1 => mutated[line].Replace(":", string.Empty),
                    2 => "  " + mutated[line],
                    3 => mutated[line] + " [",
                    4 => mutated[random.Next(mutated.Length)],
                    _ => mutated[line].Replace("object", "array").Replace("string", "object"),
                };
            }

            yield return new object[] { "mutated-" + i, string.Join('\n', mutated) };
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_generator_never_throws_on_broken_input(string name, string yaml)
    {
        var run = GeneratorHarness.Run(yaml, "/fuzz/" + name + ".yaml");

        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CAPISDK000");
        Assert.Null(run.Driver.GetRunResult().Results.Single().Exception);
    }
}
