using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Schemas;

/// <summary>
/// The CRDs in <c>crds/</c> are derived by <c>tools/CrdDerive</c> from the Cluster API and in-cluster IPAM CRDs.
/// These tests keep them honest: well-formed, exactly the agreed kinds and every version upstream serves,
/// structurally identical to upstream (where the upstream corpus is on the machine; descriptions aside),
/// up to date with the derivation, described where people look, and free of copied upstream text.
/// </summary>
public sealed class CrdIdentityTests
{
    /// <summary>The agreed set: group/kind → served versions.</summary>
    private static readonly Dictionary<string, string[]> ExpectedKindsAndVersions = new()
    {
        ["cluster.x-k8s.io/Cluster"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/ClusterClass"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/Machine"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/MachineSet"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/MachineDeployment"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/MachineHealthCheck"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/MachinePool"] = ["v1beta1", "v1beta2"],
        ["cluster.x-k8s.io/MachineDrainRule"] = ["v1beta1", "v1beta2"],
        ["addons.cluster.x-k8s.io/ClusterResourceSet"] = ["v1beta1", "v1beta2"],
        ["addons.cluster.x-k8s.io/ClusterResourceSetBinding"] = ["v1beta1", "v1beta2"],
        ["runtime.cluster.x-k8s.io/ExtensionConfig"] = ["v1alpha1", "v1beta2"],
        ["bootstrap.cluster.x-k8s.io/KubeadmConfig"] = ["v1beta1", "v1beta2"],
        ["bootstrap.cluster.x-k8s.io/KubeadmConfigTemplate"] = ["v1beta1", "v1beta2"],
        ["controlplane.cluster.x-k8s.io/KubeadmControlPlane"] = ["v1beta1", "v1beta2"],
        ["controlplane.cluster.x-k8s.io/KubeadmControlPlaneTemplate"] = ["v1beta1", "v1beta2"],
        ["clusterctl.cluster.x-k8s.io/Provider"] = ["v1alpha3"],
        ["ipam.cluster.x-k8s.io/IPAddressClaim"] = ["v1alpha1", "v1beta1", "v1beta2"],
        ["ipam.cluster.x-k8s.io/IPAddress"] = ["v1alpha1", "v1beta1", "v1beta2"],
        ["ipam.cluster.x-k8s.io/InClusterIPPool"] = ["v1alpha1", "v1alpha2"],
        ["ipam.cluster.x-k8s.io/GlobalInClusterIPPool"] = ["v1alpha1", "v1alpha2"],
    };

    [SkippableTheory]
    [MemberData(nameof(CrdDocuments.KindVersions), MemberType = typeof(CrdDocuments))]
    public void Every_schema_in_crds_is_structurally_identical_to_upstream(string file, string version)
    {
        Skip.If(CrdDocuments.UpstreamDirectory is null, CrdDocuments.UpstreamMissing);
        var ours = CrdDocuments.Our(file);
        var upstream = CrdDocuments.UpstreamFor(ours);
        Assert.True(upstream is not null, $"{file}: no upstream CRD with group {ours.Group} and kind {ours.Kind}");
        var upVersion = upstream!.Version(version);
        Assert.True(upVersion is not null, $"{file} {version}: upstream {upstream.RelativePath} has no version {version}");

        var failures = SchemaIdentity.Differences(
                ours.Version(version)!.Get("schema.openAPIV3Schema"),
                upVersion!.Get("schema.openAPIV3Schema"),
                "$")
            .Select(f => $"{file} {version} {f}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} difference(s) from {upstream.RelativePath} (run tools/CrdDerive, see crds/README.md):\n" + string.Join("\n", failures.Take(50)));
    }

    [SkippableFact]
    public void The_checked_in_crds_are_what_the_derivation_produces_now()
    {
        Skip.If(CrdDocuments.UpstreamDirectory is null, CrdDocuments.UpstreamMissing);
        var layout = CrdDerive.RepositoryLayout.Find(CrdDocuments.RepoRoot, CrdDocuments.UpstreamDirectory);

        var stale = CrdDerive.Derivation.StaleFiles(layout, CrdDerive.Derivation.Run(layout));

        Assert.True(stale.Count == 0, "crds/ is stale; run `dotnet run --project tools/CrdDerive`:\n" + string.Join("\n", stale));
    }

    [SkippableFact]
    public void Names_scope_and_version_flags_of_every_crd_match_upstream()
    {
        Skip.If(CrdDocuments.UpstreamDirectory is null, CrdDocuments.UpstreamMissing);
        var failures = new List<string>();
        foreach (var ours in CrdDocuments.Ours)
        {
            var upstream = CrdDocuments.UpstreamFor(ours);
            if (upstream is null)
            {
                failures.Add($"{ours.RelativePath}: no upstream CRD with group {ours.Group} and kind {ours.Kind}");
                continue;
            }

            foreach (var key in new[] { "spec.scope", "spec.names.kind", "spec.names.listKind", "spec.names.plural", "spec.names.singular", "spec.names.shortNames", "spec.names.categories", "metadata.name" })
            {
                var mine = ours.Root.Get(key).Canonical();
                var theirs = upstream.Root.Get(key).Canonical();
                if (mine != theirs)
                {
                    failures.Add($"{ours.RelativePath}: {key} is {mine} here but {theirs} upstream");
                }
            }

            var missing = upstream.Versions.Select(v => v.Str("name")).Except(ours.Versions.Select(v => v.Str("name"))).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"{ours.RelativePath}: upstream versions {string.Join(", ", missing)} are missing here");
            }

            foreach (var version in ours.Versions)
            {
                var name = version.Str("name");
                var upVersion = upstream.Version(name!);
                if (upVersion is null)
                {
                    failures.Add($"{ours.RelativePath} {name}: upstream has no such version");
                    continue;
                }

                foreach (var key in new[] { "served", "storage", "deprecated", "deprecationWarning", "subresources", "selectableFields" })
                {
                    var mine = version.Child(key).Canonical();
                    var theirs = upVersion.Child(key).Canonical();
                    if (mine != theirs)
                    {
                        failures.Add($"{ours.RelativePath} {name}: {key} is {mine} here but {theirs} upstream");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_crd_file_is_a_valid_v1_crd_with_an_object_schema_for_each_version()
    {
        Assert.NotEmpty(CrdDocuments.Ours);
        var failures = new List<string>();
        foreach (var crd in CrdDocuments.Ours)
        {
            void Expect(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{crd.RelativePath}: {what}");
                }
            }

            Expect(crd.Root.Str("apiVersion") == "apiextensions.k8s.io/v1", "apiVersion must be apiextensions.k8s.io/v1");
            Expect(crd.Root.Str("kind") == "CustomResourceDefinition", "kind must be CustomResourceDefinition");
            Expect(!string.IsNullOrEmpty(crd.Group), "spec.group is missing");
            Expect(!string.IsNullOrEmpty(crd.Kind), "spec.names.kind is missing");
            Expect(!string.IsNullOrEmpty(crd.Root.Str("spec.names.listKind")), "spec.names.listKind is missing");
            Expect(!string.IsNullOrEmpty(crd.Root.Str("spec.names.singular")), "spec.names.singular is missing");
            var plural = crd.Root.Str("spec.names.plural");
            Expect(!string.IsNullOrEmpty(plural), "spec.names.plural is missing");
            Expect(crd.Root.Str("metadata.name") == $"{plural}.{crd.Group}", "metadata.name must be <plural>.<group>");
            Expect(crd.Root.Str("spec.scope") is "Namespaced" or "Cluster", "spec.scope must be Namespaced or Cluster");

            var versions = crd.Versions.ToList();
            Expect(versions.Count > 0, "spec.versions is empty");
            Expect(versions.Count(v => v.Str("storage") == "true") == 1, "exactly one version must be the storage version");
            Expect(versions.Select(v => v.Str("name")).Distinct().Count() == versions.Count, "version names must be unique");

            foreach (var version in versions)
            {
                var name = version.Str("name");
                Expect(version.Str("served") is "true" or "false", $"{name}: served must be true or false");
                Expect(version.Str("storage") is "true" or "false", $"{name}: storage must be true or false");
                var schema = version.Get("schema.openAPIV3Schema");
                Expect(schema is YamlMappingNode, $"{name}: schema.openAPIV3Schema is missing");
                Expect(schema.Str("type") == "object", $"{name}: the root schema must have type object");

                foreach (var (path, node) in SchemaIdentity.Walk(schema, "$"))
                {
                    var type = node.Str("type");
                    var intOrString = node.Str("x-kubernetes-int-or-string") == "true";
                    var preserve = node.Str("x-kubernetes-preserve-unknown-fields") == "true";
                    Expect(type is not null || intOrString || preserve, $"{name} {path}: a structural schema needs a type");
                    Expect(node.Child("properties") is null || type == "object", $"{name} {path}: properties are only allowed on objects");
                    Expect(type != "array" || node.Child("items") is YamlMappingNode, $"{name} {path}: an array needs items");
                    Expect(node.Child("x-kubernetes-list-map-keys") is null || node.Str("x-kubernetes-list-type") == "map", $"{name} {path}: list-map-keys need list-type map");
                    if (node.Child("required") is YamlSequenceNode required && node.Child("properties") is YamlMappingNode properties)
                    {
                        foreach (var field in required.Children.Select(c => c.Canonical()).Where(f => properties.Child(f) is null))
                        {
                            failures.Add($"{crd.RelativePath} {name} {path}: '{field}' is required but not declared");
                        }
                    }
                }

                if (version.Child("additionalPrinterColumns") is YamlSequenceNode columns)
                {
                    foreach (var column in columns.Children)
                    {
                        Expect(!string.IsNullOrEmpty(column.Str("name")) && !string.IsNullOrEmpty(column.Str("jsonPath")) && !string.IsNullOrEmpty(column.Str("type")),
                            $"{name}: every printer column needs name, type and jsonPath");
                        if (ColumnSchemaPath(column.Str("jsonPath")) is { } columnPath)
                        {
                            Expect(SchemaIdentity.At(schema, columnPath) is not null, $"{name}: printer column {column.Str("name")} shows {column.Str("jsonPath")}, which the schema does not declare");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_crds_folder_holds_exactly_the_agreed_kinds_and_versions()
    {
        var actual = CrdDocuments.Ours
            .GroupBy(c => $"{c.Group}/{c.Kind}")
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Versions).Select(v => v.Str("name")!).OrderBy(v => v, StringComparer.Ordinal).ToArray());

        var failures = new List<string>();
        foreach (var group in CrdDocuments.Ours.GroupBy(c => $"{c.Group}/{c.Kind}").Where(g => g.Count() > 1))
        {
            failures.Add($"{group.Key} is defined in more than one file: {string.Join(", ", group)}");
        }

        foreach (var (kind, versions) in ExpectedKindsAndVersions)
        {
            if (!actual.TryGetValue(kind, out var have))
            {
                failures.Add($"{kind} is missing from crds/");
            }
            else if (!have.SequenceEqual(versions.OrderBy(v => v, StringComparer.Ordinal)))
            {
                failures.Add($"{kind} has versions [{string.Join(", ", have)}], expected [{string.Join(", ", versions)}]");
            }
        }

        failures.AddRange(actual.Keys.Except(ExpectedKindsAndVersions.Keys).Select(k => $"{k} is in crds/ but not in the agreed list"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void No_description_in_crds_repeats_an_upstream_description()
    {
        Skip.If(CrdDocuments.UpstreamDirectory is null, CrdDocuments.UpstreamMissing);
        var upstreamTexts = CrdDocuments.Upstream.SelectMany(Descriptions).Select(d => d.Text.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(upstreamTexts);

        var copies = CrdDocuments.Ours
            .SelectMany(Descriptions)
            .Where(d => upstreamTexts.Contains(d.Text.Trim()))
            .Select(d => $"{d.Where}: \"{d.Text}\"")
            .ToList();

        Assert.True(copies.Count == 0, "Descriptions copied from upstream (write your own):\n" + string.Join("\n", copies));
    }

    [SkippableFact]
    public void No_crd_file_is_a_copy_of_an_upstream_file()
    {
        Skip.If(CrdDocuments.UpstreamDirectory is null, CrdDocuments.UpstreamMissing);
        var upstreamTexts = CrdDocuments.Upstream.Select(u => u.Text).ToHashSet(StringComparer.Ordinal);
        var upstreamNames = CrdDocuments.Upstream.Select(u => Path.GetFileName(u.FullPath)).ToHashSet(StringComparer.Ordinal);
        var failures = CrdDocuments.Ours
            .Where(o => upstreamTexts.Contains(o.Text) || upstreamNames.Contains(Path.GetFileName(o.FullPath)))
            .Select(o => $"{o.RelativePath} has the same name or content as an upstream file")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What the reference controller (a port of capi-vip-allocator) and the samples read or write.</summary>
    public static TheoryData<string, string, string, string> FieldsTheConsumersUse() => new()
    {
        // Cluster: the controller reads the class, writes the endpoint and the clusterVip variable.
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.class", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.classRef.name", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.controlPlaneEndpoint.host", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.controlPlaneEndpoint.host", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.controlPlaneEndpoint.port", "integer" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.controlPlaneEndpoint.port", "integer" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.variables[].name", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.variables[].name", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.variables[].value", "preserve-unknown-fields" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.variables[].value", "preserve-unknown-fields" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.paused", "boolean" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.paused", "boolean" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.version", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.version", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.controlPlane.replicas", "integer" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.controlPlane.replicas", "integer" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.spec.topology.workers.machineDeployments[].class", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.workers.machineDeployments[].class", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.status.phase", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.status.phase", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.status.conditions[].type", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.status.conditions[].type", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta1", "$.status.observedGeneration", "integer" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.status.initialization.controlPlaneInitialized", "boolean" },
        // ClusterClass: clusterVip has to be declared as a variable.
        { "cluster.x-k8s.io/clusterclasses.yaml", "v1beta1", "$.spec.variables[].name", "string" },
        { "cluster.x-k8s.io/clusterclasses.yaml", "v1beta2", "$.spec.variables[].name", "string" },
        { "cluster.x-k8s.io/clusterclasses.yaml", "v1beta1", "$.spec.variables[].schema.openAPIV3Schema.type", "string" },
        { "cluster.x-k8s.io/clusterclasses.yaml", "v1beta2", "$.spec.variables[].schema.openAPIV3Schema.type", "string" },
        // IPAddressClaim: created with a pool reference, read back for the address name.
        { "ipam.cluster.x-k8s.io/ipaddressclaims.yaml", "v1alpha1", "$.spec.poolRef.apiGroup", "string" },
        { "ipam.cluster.x-k8s.io/ipaddressclaims.yaml", "v1beta1", "$.spec.poolRef.kind", "string" },
        { "ipam.cluster.x-k8s.io/ipaddressclaims.yaml", "v1beta2", "$.spec.poolRef.name", "string" },
        { "ipam.cluster.x-k8s.io/ipaddressclaims.yaml", "v1beta1", "$.status.addressRef.name", "string" },
        { "ipam.cluster.x-k8s.io/ipaddressclaims.yaml", "v1beta2", "$.status.addressRef.name", "string" },
        // IPAddress: the allocated VIP.
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta1", "$.spec.address", "string" },
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta2", "$.spec.address", "string" },
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta2", "$.spec.prefix", "integer" },
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta2", "$.spec.gateway", "string" },
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta2", "$.spec.claimRef.name", "string" },
        { "ipam.cluster.x-k8s.io/ipaddresses.yaml", "v1beta2", "$.spec.poolRef.name", "string" },
        // Pools: samples create them and print the counters.
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.spec.addresses[]", "string" },
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.spec.prefix", "integer" },
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.spec.gateway", "string" },
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.status.ipAddresses.free", "integer" },
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.status.ipAddresses.used", "integer" },
        { "ipam.cluster.x-k8s.io/inclusterippools.yaml", "v1alpha2", "$.status.ipAddresses.total", "integer" },
        { "ipam.cluster.x-k8s.io/globalinclusterippools.yaml", "v1alpha2", "$.spec.addresses[]", "string" },
        { "ipam.cluster.x-k8s.io/globalinclusterippools.yaml", "v1alpha2", "$.status.ipAddresses.free", "integer" },
        // The cluster tree (samples/ClusterTree, the navigation helpers): cluster name, replicas, versions, phases.
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.workers.machinePools[].class", "string" },
        { "cluster.x-k8s.io/clusters.yaml", "v1beta2", "$.spec.topology.workers.machineDeployments[].replicas", "integer" },
        { "cluster.x-k8s.io/machines.yaml", "v1beta2", "$.spec.clusterName", "string" },
        { "cluster.x-k8s.io/machines.yaml", "v1beta2", "$.spec.version", "string" },
        { "cluster.x-k8s.io/machines.yaml", "v1beta2", "$.status.phase", "string" },
        { "cluster.x-k8s.io/machines.yaml", "v1beta2", "$.status.nodeRef.name", "string" },
        { "cluster.x-k8s.io/machines.yaml", "v1beta1", "$.status.conditions[].type", "string" },
        { "cluster.x-k8s.io/machinesets.yaml", "v1beta2", "$.spec.replicas", "integer" },
        { "cluster.x-k8s.io/machinesets.yaml", "v1beta2", "$.status.readyReplicas", "integer" },
        { "cluster.x-k8s.io/machinedeployments.yaml", "v1beta2", "$.spec.replicas", "integer" },
        { "cluster.x-k8s.io/machinedeployments.yaml", "v1beta2", "$.spec.template.spec.version", "string" },
        { "cluster.x-k8s.io/machinedeployments.yaml", "v1beta2", "$.status.phase", "string" },
        { "cluster.x-k8s.io/machinepools.yaml", "v1beta2", "$.spec.replicas", "integer" },
        { "cluster.x-k8s.io/machinepools.yaml", "v1beta2", "$.status.phase", "string" },
        { "controlplane.cluster.x-k8s.io/kubeadmcontrolplanes.yaml", "v1beta2", "$.spec.replicas", "integer" },
        { "controlplane.cluster.x-k8s.io/kubeadmcontrolplanes.yaml", "v1beta2", "$.spec.version", "string" },
        { "controlplane.cluster.x-k8s.io/kubeadmcontrolplanes.yaml", "v1beta2", "$.status.conditions[].status", "string" },
        { "clusterctl.cluster.x-k8s.io/providers.yaml", "v1alpha3", "$.version", "string" },
    };

    [Theory]
    [MemberData(nameof(FieldsTheConsumersUse))]
    public void Every_field_the_controller_and_samples_use_is_declared_and_described(string file, string version, string path, string type)
    {
        var crd = CrdDocuments.Our("crds/" + file);
        var schema = crd.Version(version)?.Get("schema.openAPIV3Schema");
        Assert.True(schema is not null, $"crds/{file}: no version {version}");
        var node = SchemaIdentity.At(schema, path);
        Assert.True(node is not null, $"crds/{file} {version} {path}: not declared");
        if (type == "preserve-unknown-fields")
        {
            Assert.True(node!.Str("x-kubernetes-preserve-unknown-fields") == "true", $"crds/{file} {version} {path}: must keep unknown fields (any JSON value)");
        }
        else
        {
            Assert.True(node!.Str("type") == type, $"crds/{file} {version} {path}: type is {node.Str("type")}, expected {type}");
        }

        Assert.True(node.Child("description") is YamlScalarNode { Value.Length: > 0 }, $"crds/{file} {version} {path}: people use this field, so it needs a description of ours (tools/CrdDerive/descriptions.yaml)");
    }

    /// <summary>The schema path a printer column reads (<c>.spec.a[*].b</c> → <c>$.spec.a[].b</c>); null for metadata and filters.</summary>
    private static string? ColumnSchemaPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath.StartsWith(".metadata", StringComparison.Ordinal))
        {
            return null;
        }

        var filter = jsonPath.IndexOf("[?", StringComparison.Ordinal);
        var path = "$" + (filter >= 0 ? jsonPath[..filter] + "[]" : jsonPath).Replace("[*]", "[]", StringComparison.Ordinal);
        return path;
    }

    private static IEnumerable<(string Where, string Text)> Descriptions(CrdFile crd)
    {
        foreach (var version in crd.Versions)
        {
            var name = version.Str("name");
            foreach (var (path, node) in SchemaIdentity.Walk(version.Get("schema.openAPIV3Schema"), "$"))
            {
                if (node.Child("description") is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    yield return ($"{crd.RelativePath} {name} {path}", text);
                }
            }

            if (version.Child("additionalPrinterColumns") is YamlSequenceNode columns)
            {
                foreach (var column in columns.Children)
                {
                    if (column.Str("description") is { Length: > 0 } text)
                    {
                        yield return ($"{crd.RelativePath} {name} column {column.Str("name")}", text);
                    }
                }
            }
        }
    }
}
