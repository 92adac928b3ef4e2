namespace CrdDerive;

/// <summary>
/// <c>dotnet run --project tools/CrdDerive [-- --upstream DIR] [--check]</c>: rewrites <c>crds/</c> from the
/// upstream CRDs (default <c>../shared/crds/upstream</c> beside the repository root) and
/// <c>tools/CrdDerive/descriptions.yaml</c>; <c>--check</c> writes nothing and fails when <c>crds/</c> is stale.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: dotnet run --project tools/CrdDerive [-- [--upstream DIR] [--check]]";

    public static int Main(string[] args)
    {
        string? upstream = null;
        var check = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--upstream" when i + 1 < args.Length:
                    upstream = Path.GetFullPath(args[++i]);
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                    return 2;
            }
        }

        try
        {
            var layout = RepositoryLayout.Find(Directory.GetCurrentDirectory(), upstream);
            var files = Derivation.Run(layout);
            if (check)
            {
                var stale = Derivation.StaleFiles(layout, files);
                foreach (var line in stale)
                {
                    Console.Error.WriteLine(line);
                }

                Console.WriteLine(stale.Count == 0 ? $"crds/ is up to date ({files.Count} files)" : $"crds/ is stale: {stale.Count} difference(s); run {Usage}");
                return stale.Count == 0 ? 0 : 1;
            }

            Derivation.Write(layout, files);
            Console.WriteLine($"wrote {files.Count} files to {layout.CrdDirectory} from {layout.UpstreamDirectory}");
            return 0;
        }
        catch (DerivationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
