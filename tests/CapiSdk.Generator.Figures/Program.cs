using System.Globalization;
using System.Reflection;
using CapiSdk.Generator.Figures;

// dotnet run -c Release --project tests/CapiSdk.Generator.Figures -- [--runs 3] [--only upstream|sdk|<file name>] [--generator <folder with CapiSdk.Generator.dll>]
var runs = 3;
string? only = null;
string? generatorFolder = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length:
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        case "--generator" when i + 1 < args.Length:
            generatorFolder = Path.GetFullPath(args[++i]);
            break;
        default:
            Console.Error.WriteLine("Unknown argument '" + args[i] + "'. Usage: [--runs N] [--only upstream|sdk|<crd file name>] [--generator <folder>]");
            return 2;
    }
}

var repoRoot = Metadata("RepoRoot");
var generator = generatorFolder is null ? Metadata("Generator") : Path.Combine(generatorFolder, "CapiSdk.Generator.dll");
if (!File.Exists(generator))
{
    Console.Error.WriteLine("The generator " + generator + " does not exist: build it (dotnet build -c Release generator/CapiSdk.Generator) or pass --generator <folder>.");
    return 2;
}

var tools = new GeneratorFiles(generator, Metadata("YamlDotNet"), Path.Combine(repoRoot, "generator", "CapiSdk.Generator", "build", "CapiSdk.Generator.props"), Metadata("Client"));
var corpora = new List<Corpus>();
var upstream = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "crds", "upstream"));
if (Directory.Exists(upstream))
{
    corpora.Add(new Corpus("upstream corpus", Directory.GetFiles(upstream, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()));
}
else
{
    Console.Error.WriteLine("The upstream corpus (" + upstream + ") is absent: only the SDK's own CRDs are measured.");
}

foreach (var file in Directory.GetFiles(Path.Combine(repoRoot, "crds"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    corpora.Add(new Corpus(Path.GetFileName(Path.GetDirectoryName(file))! + "/" + Path.GetFileName(file), new[] { file }));
}

var selected = corpora.Where(c => only is null || (only == "sdk" ? c.Name != "upstream corpus" : c.Name.Contains(only, StringComparison.Ordinal))).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine("No corpus matches '" + only + "'.");
    return 2;
}

Console.WriteLine("| corpus | YAML lines | C# lines | C# bytes | JSON context share | types | assembly | cold build | of it: restore / Csc | edit one .cs | generator in CLI build (edit) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var corpus in selected)
{
    var figures = new FigureProject(tools, corpus).Measure(runs);
    Console.WriteLine(figures.ToRow());
}

Console.WriteLine();
Console.WriteLine("Build times are the median of " + runs.ToString(CultureInfo.InvariantCulture) + " runs of `dotnet build -p:UseSharedCompilation=false` (no compiler server, as CI builds); cold = bin/ and obj/ deleted (restore included); restore and Csc are those tasks' times in MSBuild's performance summary (Csc includes the generator).");
return 0;

static string Metadata(string key) => typeof(FigureProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
