using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Emitting;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Parsing;
using CapiSdk.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiSdk.Generator;

/// <summary>
/// Turns CustomResourceDefinition YAML (AdditionalFiles ending in .yaml or .yml) into typed models and a
/// System.Text.Json context. This class only wires the incremental pipeline: parsing lives in
/// <c>Parsing/</c>, the value-equatable model in <c>Model/</c>, code in <c>Emitting/</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CrdSourceGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for cacheability tests.</summary>
    public static class Steps
    {
        /// <summary>One file parsed into its resources and diagnostics.</summary>
        public const string ParsedFiles = nameof(ParsedFiles);

        /// <summary>One resource version, ready to emit.</summary>
        public const string Resources = nameof(Resources);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var globalOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.ReadGlobal(provider.GlobalOptions));

        var files = context.AdditionalTextsProvider
            .Where(static file => OptionsReader.IsYaml(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => (pair.Left, Overrides: OptionsReader.ReadFile(pair.Right.GetOptions(pair.Left))))
            .Combine(globalOptions)
            .Select(static (input, cancellationToken) =>
            {
                var ((file, overrides), global) = input;
                var options = OptionsReader.Merge(global.Options, overrides);
                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                var parsed = CrdFileParser.Parse(file.Path, text, options, cancellationToken);
                return overrides.Diagnostics.Count == 0
                    ? parsed
                    : parsed with { Diagnostics = parsed.Diagnostics.Concat(overrides.Diagnostics.Select(d => d with { FilePath = file.Path })).ToEquatableArray() };
            })
            .WithTrackingName(Steps.ParsedFiles);

        var yamlCount = context.AdditionalTextsProvider.Where(static file => OptionsReader.IsYaml(file.Path)).Collect().Select(static (all, _) => all.Length);
        context.RegisterSourceOutput(yamlCount, static (spc, count) =>
        {
            if (count == 0)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoCrdFiles, null));
            }
        });
        context.RegisterSourceOutput(files, static (spc, file) => Report(spc, file.Diagnostics));
        context.RegisterSourceOutput(globalOptions, static (spc, global) => Report(spc, global.Diagnostics));

        var resources = files.SelectMany(static (file, _) => file.Resources);
        var keys = resources
            .Select(static (resource, _) => new ResourceKey(resource.Key, resource.FilePath))
            .Collect()
            .Select(static (all, _) => DuplicateFinder.Find(all));

        var external = context.CompilationProvider.Select(static (compilation, _) => ExternalTypeReader.Read(compilation));
        var hasClient = external.Select(static (types, _) => types.HasKubernetesClient);

        var emittable = resources
            .Combine(keys)
            .Combine(hasClient)
            .Select(static (input, _) =>
            {
                var ((resource, duplicates), client) = input;
                var duplicate = duplicates.FirstOrDefault(d => d.Key == resource.Key && d.FilePath == resource.FilePath);
                return new EmitRequest(resource, duplicate?.FirstFilePath, client);
            })
            .WithTrackingName(Steps.Resources);

        context.RegisterSourceOutput(emittable, static (spc, request) =>
        {
            if (request.DuplicateOf is { } first)
            {
                var r = request.Resource;
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateResource, At(r.FilePath, r.Line, 0), r.Kind, r.Version, r.Group, first));
                return;
            }

            if (request.HasKubernetesClient)
            {
                spc.AddSource(ResourceEmitter.HintName(request.Resource), SourceText.From(ResourceEmitter.Emit(request.Resource), System.Text.Encoding.UTF8));
            }
        });

        var unique = emittable.Where(static r => r.DuplicateOf is null).Select(static (r, _) => r.Resource).Collect();
        context.RegisterSourceOutput(unique.Combine(globalOptions).Combine(external), static (spc, input) =>
        {
            var ((all, global), externalTypes) = input;
            if (all.IsEmpty)
            {
                return;
            }

            if (!externalTypes.HasKubernetesClient)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.KubernetesClientMissing, null));
                return;
            }

            foreach (var clash in TypeClashes.Find(all))
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeNameClash, At(clash.SecondFile, clash.SecondLine, 0), clash.TypeName, clash.FirstFile, clash.SecondFile));
            }

            var root = global.Options.RootNamespace;
            foreach (var (hintName, source) in SupportEmitter.Templates(root))
            {
                spc.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }

            var sorted = all.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Root.Name, StringComparer.Ordinal).ToList();
            spc.AddSource(root + "." + JsonContextEmitter.ContextName + ".g.cs", SourceText.From(JsonContextEmitter.Emit(root, sorted, externalTypes), System.Text.Encoding.UTF8));
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var info in diagnostics)
        {
            var descriptor = DiagnosticDescriptors.Get(info.Id);
            var location = info.FilePath.Length == 0 ? Microsoft.CodeAnalysis.Location.None : At(info.FilePath, info.Line, info.Column);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, info.Arguments.Cast<object>().ToArray()));
        }
    }

    private static Location At(string path, int line, int column)
    {
        var position = new LinePosition(line, column);
        return Microsoft.CodeAnalysis.Location.Create(path, default, new LinePositionSpan(position, position));
    }
}
