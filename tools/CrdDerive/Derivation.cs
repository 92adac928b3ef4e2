using System.Text;
using YamlDotNet.RepresentationModel;

namespace CrdDerive;

/// <summary>Upstream CRDs + <c>descriptions.yaml</c> → the files of <c>crds/</c> (<c>group/plural.yaml</c> → text).</summary>
internal static class Derivation
{
    private const string Header =
        "# Derived by tools/CrdDerive from the upstream CRD (structure only) and tools/CrdDerive/descriptions.yaml.\n" +
        "# Do not edit: change descriptions.yaml and run `dotnet run --project tools/CrdDerive` (see crds/README.md).\n";

    /// <summary>The derived files, keyed by path relative to <c>crds/</c>, in ordinal order.</summary>
    public static SortedDictionary<string, string> Run(RepositoryLayout layout)
    {
        var catalog = DescriptionCatalog.Load(layout.DescriptionsFile);
        var upstream = LoadUpstream(layout.UpstreamDirectory);
        var missing = catalog.Kinds.Where(k => !upstream.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new DerivationException($"{layout.UpstreamDirectory} has no CRD for {string.Join(", ", missing)} (listed in {layout.DescriptionsFile}); point --upstream at a complete corpus or remove them");
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in catalog.Kinds)
        {
            var derived = Derive(upstream[kind], kind, catalog);
            files[kind + ".yaml"] = Header + Emit(derived);
        }

        var unused = catalog.Unused().ToList();
        if (unused.Count > 0)
        {
            throw new DerivationException(string.Join("\n", unused));
        }

        return files;
    }

    /// <summary>Differences between <paramref name="files"/> and what <c>crds/</c> holds, one line each.</summary>
    public static IReadOnlyList<string> StaleFiles(RepositoryLayout layout, IReadOnlyDictionary<string, string> files)
    {
        var stale = new List<string>();
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(layout.CrdDirectory, relative);
            if (!File.Exists(path))
            {
                stale.Add($"crds/{relative} is missing");
            }
            else if (File.ReadAllText(path) != text)
            {
                stale.Add($"crds/{relative} differs from what the upstream CRD and descriptions.yaml give");
            }
        }

        stale.AddRange(ExistingCrdFiles(layout).Where(f => !files.ContainsKey(f)).Select(f => $"crds/{f} is not derived from anything; remove it or list its kind in descriptions.yaml"));
        return stale;
    }

    /// <summary>Writes the files and removes CRD files of kinds no longer listed.</summary>
    public static void Write(RepositoryLayout layout, IReadOnlyDictionary<string, string> files)
    {
        foreach (var extra in ExistingCrdFiles(layout).Where(f => !files.ContainsKey(f)))
        {
            File.Delete(Path.Combine(layout.CrdDirectory, extra));
        }

        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(layout.CrdDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
    }

    private static IEnumerable<string> ExistingCrdFiles(RepositoryLayout layout) =>
        Directory.Exists(layout.CrdDirectory)
            ? Directory.GetFiles(layout.CrdDirectory, "*.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(layout.CrdDirectory, f).Replace('\\', '/'))
                .Where(f => f.Contains('/', StringComparison.Ordinal))
            : [];

    private static YamlMappingNode Derive(YamlMappingNode crd, string kind, DescriptionCatalog catalog)
    {
        var spec = (YamlMappingNode)crd["spec"];
        var versions = new YamlSequenceNode();
        foreach (var version in ((YamlSequenceNode)spec["versions"]).Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)version["name"]).Value!;
            var derived = new YamlMappingNode { { "name", name } };
            foreach (var key in new[] { "served", "storage", "deprecated", "deprecationWarning" })
            {
                if (version.Children.TryGetValue(new YamlScalarNode(key), out var flag))
                {
                    derived.Add(key, flag);
                }
            }

            var schema = (YamlMappingNode)((YamlMappingNode)version["schema"])["openAPIV3Schema"];
            derived.Add("schema", new YamlMappingNode { { "openAPIV3Schema", SchemaCopy.Copy(schema, "$", path => catalog.Describe(kind, name, path)) } });
            foreach (var key in new[] { "subresources", "selectableFields" })
            {
                if (version.Children.TryGetValue(new YamlScalarNode(key), out var value))
                {
                    derived.Add(key, value);
                }
            }

            if (catalog.Columns(kind, name) is { } columns)
            {
                derived.Add("additionalPrinterColumns", columns);
            }

            versions.Add(derived);
        }

        return new YamlMappingNode
        {
            { "apiVersion", "apiextensions.k8s.io/v1" },
            { "kind", "CustomResourceDefinition" },
            {
                "metadata", new YamlMappingNode
                {
                    { "name", ((YamlMappingNode)crd["metadata"])["name"] },
                    { "labels", new YamlMappingNode { { "app.kubernetes.io/part-of", "capisdk" }, { "capisdk.io/schema", "derived" } } },
                }
            },
            {
                "spec", new YamlMappingNode
                {
                    { "group", spec["group"] },
                    { "names", spec["names"] },
                    { "scope", spec["scope"] },
                    { "versions", versions },
                }
            },
        };
    }

    private static string Emit(YamlMappingNode root)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static Dictionary<string, YamlMappingNode> LoadUpstream(string directory)
    {
        var result = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = YamlFile.Load(file);

            foreach (var crd in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
            {
                if (crd.Children.TryGetValue(new YamlScalarNode("kind"), out var k) && k is YamlScalarNode { Value: "CustomResourceDefinition" }
                    && crd["spec"] is YamlMappingNode spec
                    && spec["names"] is YamlMappingNode names)
                {
                    result[$"{((YamlScalarNode)spec["group"]).Value}/{((YamlScalarNode)names["plural"]).Value}"] = crd;
                }
            }
        }

        return result;
    }
}
