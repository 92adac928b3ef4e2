using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>
/// Reads one AdditionalFile: splits it into YAML documents, keeps the apiextensions.k8s.io/v1
/// CustomResourceDefinitions and ignores every other document silently.
/// </summary>
internal static class CrdFileParser
{
    public static CrdFileModel Parse(string path, string text, GeneratorOptions options, KubernetesTypeCatalog kubernetesTypes, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var resources = new List<ResourceModel>();
        try
        {
            var typeScopes = new Dictionary<string, Naming.NameScope>(StringComparer.Ordinal);
            var mappings = new TypeNameMappings(options.TypeNames);
            var matcher = KubernetesTypeMatcher.Create(kubernetesTypes, options.KubernetesTypes);
            foreach (var (document, firstLine) in YamlDocumentSplitter.Split(text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var root = Load(path, document, firstLine, diagnostics);
                if (root is null || root.String("apiVersion") != "apiextensions.k8s.io/v1" || root.String("kind") != "CustomResourceDefinition")
                {
                    continue;
                }

                var crd = new CrdParser(path, root, options, typeScopes, mappings, matcher, diagnostics);
                resources.AddRange(crd.Parse());
            }

            foreach (var unused in mappings.Unused())
            {
                diagnostics.Add(Pipeline.TypeNamesReader.NotApplied(unused, "no object or enum schema of this file is at that path (paths look like 'Cluster.spec.topology.variables[*]'; a kind's own type keeps the kind's name).", path));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, path, 0, 0, new[] { path, exception.GetType().Name + ": " + exception.Message }.ToEquatableArray()));
            resources.Clear();
        }

        return new CrdFileModel(path, resources.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static YamlMappingNode? Load(string path, string document, int firstLine, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            // Leading blank lines keep YamlDotNet's line numbers those of the whole file.
            stream.Load(new StringReader(firstLine == 0 ? document : new string('\n', firstLine) + document));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException exception)
        {
            var line = Math.Max(0, (int)exception.Start.Line - 1);
            var column = Math.Max(0, (int)exception.Start.Column - 1);
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.MalformedYaml.Id, path, line, column, new[] { Path.GetFileName(path), Trim(exception.Message) }.ToEquatableArray()));
            return null;
        }
    }

    private static string Trim(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(cut + 3) : message;
    }
}
