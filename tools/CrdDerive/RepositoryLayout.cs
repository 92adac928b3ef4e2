namespace CrdDerive;

/// <summary>Where the tool reads and writes: the repository's <c>crds/</c>, the descriptions file, the upstream corpus.</summary>
internal sealed record RepositoryLayout(string RepoRoot, string UpstreamDirectory)
{
    public string CrdDirectory => Path.Combine(RepoRoot, "crds");

    public string DescriptionsFile => Path.Combine(RepoRoot, "tools", "CrdDerive", "descriptions.yaml");

    /// <summary>Finds the repository root (the folder with <c>CapiSdk.sln</c>) at or above <paramref name="start"/>.</summary>
    public static RepositoryLayout Find(string start, string? upstream)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapiSdk.sln")))
            {
                var corpus = upstream ?? Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "crds", "upstream"));
                if (!Directory.Exists(corpus))
                {
                    throw new DerivationException($"the upstream CRD folder {corpus} does not exist; pass --upstream DIR (the folder with the Cluster API and in-cluster IPAM CRD YAML files)");
                }

                return new RepositoryLayout(dir.FullName, corpus);
            }
        }

        throw new DerivationException($"no CapiSdk.sln at or above {start}; run the tool inside the repository");
    }
}
