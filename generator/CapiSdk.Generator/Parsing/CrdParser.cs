using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Diagnostics;
using CapiSdk.Generator.Model;
using CapiSdk.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Generator.Parsing;

/// <summary>Reads one CustomResourceDefinition document into a <see cref="ResourceModel"/> per selected version.</summary>
internal sealed class CrdParser
{
    private readonly string _path;
    private readonly YamlMappingNode _root;
    private readonly GeneratorOptions _options;
    private readonly Dictionary<string, NameScope> _typeScopes;
    private readonly TypeNameMappings _mappings;
    private readonly KubernetesTypeMatcher? _kubernetesTypes;
    private readonly List<DiagnosticInfo> _diagnostics;

    public CrdParser(string path, YamlMappingNode root, GeneratorOptions options, Dictionary<string, NameScope> typeScopes, TypeNameMappings mappings, KubernetesTypeMatcher? kubernetesTypes, List<DiagnosticInfo> diagnostics)
    {
        _kubernetesTypes = kubernetesTypes;
        _path = path;
        _root = root;
        _options = options;
        _typeScopes = typeScopes;
        _mappings = mappings;
        _diagnostics = diagnostics;
    }

    public IEnumerable<ResourceModel> Parse()
    {
        var crdName = _root.Mapping("metadata")?.String("name") ?? "(unnamed)";
        var spec = _root.Mapping("spec");
        var names = spec?.Mapping("names");
        var group = spec?.String("group");
        var kind = names?.String("kind");
        var plural = names?.String("plural");
        var versions = spec?.Sequence("versions");
        var missing = spec is null ? "spec" : group is null ? "spec.group" : kind is null ? "spec.names.kind" : plural is null ? "spec.names.plural" : versions is null ? "spec.versions" : null;
        if (missing is not null)
        {
            Report(DiagnosticDescriptors.MissingCrdField, (YamlNode?)spec ?? _root, crdName, missing);
            return Enumerable.Empty<ResourceModel>();
        }

        var selected = new List<ResourceModel>();
        var index = 0;
        foreach (var versionNode in versions!.Children)
        {
            index++;
            if (versionNode is not YamlMappingNode version)
            {
                Report(DiagnosticDescriptors.VersionWithoutName, versionNode, crdName, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var versionName = version.String("name");
            if (versionName is null)
            {
                Report(DiagnosticDescriptors.VersionWithoutName, version, crdName, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var served = version.Bool("served");
            var storage = version.Bool("storage");
            var wanted = _options.Versions switch
            {
                VersionSelection.All => true,
                VersionSelection.Storage => storage,
                _ => served,
            };
            if (wanted)
            {
                selected.Add(ParseVersion(crdName, spec!, names!, group!, kind!, plural!, version, versionName, served, storage));
            }
        }

        if (selected.Count == 0 && versions.Children.Count > 0)
        {
            Report(DiagnosticDescriptors.NoVersionSelected, spec!, crdName, _options.Versions.ToString().ToLowerInvariant());
        }

        return selected;
    }

    private ResourceModel ParseVersion(
        string crdName, YamlMappingNode spec, YamlMappingNode names, string group, string kind, string plural,
        YamlMappingNode version, string versionName, bool served, bool storage)
    {
        var @namespace = ResourceNamespace.For(_options.RootNamespace, group, versionName);
        if (!_typeScopes.TryGetValue(@namespace, out var typeNames))
        {
            typeNames = new NameScope(null, "IntOrString");
            _typeScopes.Add(@namespace, typeNames);
        }

        var schema = version.Mapping("schema")?.Mapping("openAPIV3Schema");
        if (schema is null)
        {
            Report(DiagnosticDescriptors.VersionWithoutSchema, version, crdName, versionName);
        }

        var mapper = new SchemaMapper(_path, crdName, @namespace, typeNames, _mappings, _kubernetesTypes, _diagnostics);
        var root = mapper.MapRoot(Identifiers.ToPascal(kind), schema);
        var clientName = typeNames.Claim(root.Name + "Client");
        return new ResourceModel(
            _path,
            _root.Line(),
            @namespace,
            _options.SupportNamespace,
            clientName,
            group,
            versionName,
            kind,
            names.String("listKind") ?? kind + "List",
            plural,
            names.String("singular") ?? kind.ToLowerInvariant(),
            spec.String("scope") != "Cluster",
            storage,
            served,
            version.Bool("deprecated"),
            names.Strings("shortNames").ToEquatableArray(),
            names.Strings("categories").ToEquatableArray(),
            version.Mapping("subresources")?.Child("status") is not null,
            root,
            mapper.Types.ToEquatableArray());
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, _path, node.Line(), node.Column(), arguments.ToEquatableArray()));
}
