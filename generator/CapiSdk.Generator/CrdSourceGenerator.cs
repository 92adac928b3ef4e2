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

        /// <summary>One file's share of the JSON context, ready to emit.</summary>
        public const string JsonFiles = nameof(JsonFiles);

        /// <summary>What the JSON context's root needs of every file: their registration methods and accessors.</summary>
        public const string JsonRoot = nameof(JsonRoot);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var globalOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.ReadGlobal(provider.GlobalOptions));

        var overridden = context.AdditionalTextsProvider
            .Where(static file => OptionsReader.IsYaml(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => (pair.Left, Overrides: OptionsReader.ReadFile(pair.Right.GetOptions(pair.Left))));

        // The KubernetesClient classes any file asks for (CapiSdkUseKubernetesTypes), read from the compilation: an
        // empty catalogue, without looking at the compilation, when none does (the default).
        var wantedKubernetesTypes = overridden
            .Select(static (file, _) => file.Overrides.KubernetesTypes)
            .Collect()
            .Combine(globalOptions)
            .Select(static (input, _) => input.Left.SelectMany(o => o ?? input.Right.Options.KubernetesTypes)
                .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
        var kubernetesTypes = context.CompilationProvider
            .Combine(wantedKubernetesTypes)
            .Select(static (input, _) => ExternalTypeReader.ReadCatalog(input.Left, input.Right));
        context.RegisterSourceOutput(kubernetesTypes.Select(static (c, _) => c.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        var files = overridden
            .Combine(globalOptions)
            .Combine(kubernetesTypes)
            .Select(static (input, cancellationToken) =>
            {
                var (((file, overrides), global), catalog) = input;
                var options = OptionsReader.Merge(global.Options, overrides);
                var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                var parsed = CrdFileParser.Parse(file.Path, text, options, catalog, cancellationToken);
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

        var drafts = files.SelectMany(static (file, _) => file.Resources);
        var keys = drafts
            .Select(static (resource, _) => new ResourceKey(resource.Key, resource.FilePath))
            .Collect()
            .Select(static (all, _) => DuplicateFinder.Find(all));

        // Equal shapes in one namespace become one type, named once every CRD of the namespace is known.
        // Then each doc comment is written once in the project: later copies point at the first (SharedDocs).
        var named = drafts.Collect().Combine(keys).Select(static (input, _) => SharedDocs.Apply(ShapeMerger.Merge(input.Left, input.Right), input.Right));
        context.RegisterSourceOutput(named.Select(static (n, _) => n.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        var resources = named.SelectMany(static (n, _) => n.Resources);

        var mappedTypes = named.Select(static (n, _) => KubernetesTypeUses.Of(n.Resources));
        var external = context.CompilationProvider.Combine(mappedTypes).Select(static (input, _) => ExternalTypeReader.Read(input.Left, input.Right));
        var hasKubernetesClient = context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(ExternalTypeReader.KubernetesObjectMetadataName) is not null);
        var library = context.CompilationProvider.Select(static (compilation, _) => ClientLibraryReader.Read(compilation));
        var canEmit = hasKubernetesClient.Combine(library).Select(static (input, _) => input.Left && input.Right == ClientLibraryState.Present);

        var emittable = resources
            .Combine(keys)
            .Combine(canEmit)
            .Select(static (input, _) =>
            {
                var ((resource, duplicates), emit) = input;
                var duplicate = duplicates.FirstOrDefault(d => d.Key == resource.Key && d.FilePath == resource.FilePath);
                return new EmitRequest(resource, duplicate?.FirstFilePath, emit);
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

            if (request.CanEmit)
            {
                spc.AddSource(ResourceEmitter.HintName(request.Resource), SourceText.From(ResourceEmitter.Emit(request.Resource), System.Text.Encoding.UTF8));
            }
        });

        var jsonFiles = named
            .Combine(keys)
            .Combine(globalOptions)
            .Combine(canEmit)
            .SelectMany(static (input, _) =>
            {
                var (((all, duplicates), global), emit) = input;
                return all.Resources
                    .Where(r => !duplicates.Any(d => d.Key == r.Key && d.FilePath == r.FilePath))
                    .GroupBy(static r => r.FilePath)
                    .OrderBy(static g => g.Key, StringComparer.Ordinal)
                    .Select(g => new JsonFileRequest(JsonFileEmitter.FileId(g.Key), global.Options.RootNamespace, emit, g.ToEquatableArray()))
                    .ToImmutableArray();
            })
            .WithTrackingName(Steps.JsonFiles);

        context.RegisterSourceOutput(jsonFiles, static (spc, request) =>
        {
            if (request.CanEmit && request.Resources.Count > 0)
            {
                spc.AddSource(JsonFileEmitter.HintName(request), SourceText.From(JsonFileEmitter.Emit(request), System.Text.Encoding.UTF8));
            }
        });

        var jsonRoot = jsonFiles
            .Where(static f => f.Resources.Count > 0)
            .Select(static (f, _) => JsonFileEmitter.Entry(f))
            .Collect()
            .Combine(globalOptions)
            .Combine(external)
            .Combine(library)
            .WithTrackingName(Steps.JsonRoot);
        context.RegisterSourceOutput(jsonRoot, static (spc, input) =>
        {
            var (((entries, global), externalTypes), library) = input;
            if (entries.IsEmpty)
            {
                return;
            }

            if (library == ClientLibraryState.MixedKubernetesClients)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MixedKubernetesClients, null));
                return;
            }

            if (!externalTypes.HasKubernetesClient)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.KubernetesClientMissing, null));
                return;
            }

            if (library == ClientLibraryState.Missing)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClientLibraryMissing, null, ClientLibrary.MarkerMetadataName));
                return;
            }

            var root = global.Options.RootNamespace;
            spc.AddSource(JsonContextEmitter.HintName(root), SourceText.From(JsonContextEmitter.Emit(root, entries, externalTypes), System.Text.Encoding.UTF8));
        });

        // Type-name clashes need every resource; this output only reports them, so it emits no source.
        var unique = emittable.Where(static r => r.DuplicateOf is null && r.CanEmit).Select(static (r, _) => r.Resource).Collect();
        context.RegisterSourceOutput(unique, static (spc, all) =>
        {
            foreach (var clash in TypeClashes.Find(all))
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeNameClash, At(clash.SecondFile, clash.SecondLine, 0), clash.TypeName, clash.FirstFile, clash.SecondFile));
            }
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
