using CapiVipAllocator.Deployment.Tests.Support;
using k8s.Models;

namespace CapiVipAllocator.Deployment.Tests.Bundle;

/// <summary>What `kubectl apply -k controller/deploy` (or the release file) creates.</summary>
public sealed class BundleTests
{
    [SkippableFact]
    public async Task Bundle_holds_the_namespace_account_roles_bindings_deployment_and_metrics_service()
    {
        var manifest = await Support.Bundle.MainAsync();

        Assert.Equal(
            [
                "ClusterRole/capi-vip-allocator-manager-role",
                "ClusterRoleBinding/capi-vip-allocator-manager-rolebinding",
                "Deployment/capi-vip-allocator-controller-manager",
                "Namespace/capi-system",
                "Role/capi-vip-allocator-leader-election-role",
                "RoleBinding/capi-vip-allocator-leader-election-rolebinding",
                "Service/capi-vip-allocator-controller-manager-metrics-service",
                "ServiceAccount/capi-vip-allocator-controller-manager",
            ],
            manifest.Objects.Select(o => $"{Manifest.Kind(o)}/{Manifest.Name(o)}").Order(StringComparer.Ordinal));
        Assert.All(
            manifest.Objects.Where(o => Manifest.Kind(o) is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding")),
            o => Assert.Equal(Support.Bundle.Namespace, Manifest.Namespace(o)));
    }

    [SkippableFact]
    public async Task Release_files_are_the_rendered_kustomizations()
    {
        var main = await Support.Bundle.MainTextAsync();
        var monitoring = await Support.Bundle.MonitoringTextAsync();

        Assert.True(
            main == await File.ReadAllTextAsync(Path.Combine(Repo.ReleaseDirectory, "capi-vip-allocator.yaml")),
            "controller/release/capi-vip-allocator.yaml is out of date: kubectl kustomize controller/deploy > controller/release/capi-vip-allocator.yaml");
        Assert.True(
            monitoring == await File.ReadAllTextAsync(Path.Combine(Repo.ReleaseDirectory, "capi-vip-allocator-monitoring.yaml")),
            "controller/release/capi-vip-allocator-monitoring.yaml is out of date: kubectl kustomize controller/deploy/monitoring > controller/release/capi-vip-allocator-monitoring.yaml");
    }

    [SkippableFact]
    public async Task Deployment_runs_two_leader_electing_replicas_with_probes_and_resources()
    {
        var deployment = (await Support.Bundle.MainAsync()).Single<V1Deployment>("Deployment", Support.Bundle.Deployment);
        var manager = Assert.Single(deployment.Spec.Template.Spec.Containers);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Contains("--leader-elect", manager.Args);
        Assert.Equal(("/healthz", "healthz"), (manager.LivenessProbe.HttpGet.Path, manager.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "healthz"), (manager.ReadinessProbe.HttpGet.Path, manager.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(
            [("healthz", 8081), ("metrics", 8080)],
            manager.Ports.Select(p => (p.Name, p.ContainerPort)).Order());
        Assert.Contains("--health-probe-bind-address=:8081", manager.Args);
        Assert.Contains("--metrics-bind-address=:8080", manager.Args);
        Assert.All(["cpu", "memory"], r => Assert.Contains(r, manager.Resources.Requests.Keys));
        Assert.All(["cpu", "memory"], r => Assert.Contains(r, manager.Resources.Limits.Keys));
        Assert.Equal("metadata.namespace", manager.Env.Single(e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
    }

    [SkippableFact]
    public async Task Pods_run_restricted_non_root_read_only_with_no_capabilities_and_RuntimeDefault_seccomp()
    {
        var pod = (await Support.Bundle.MainAsync()).Single<V1Deployment>("Deployment", Support.Bundle.Deployment).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers).SecurityContext;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.True(container.ReadOnlyRootFilesystem);
        Assert.False(container.AllowPrivilegeEscalation);
        Assert.False(container.Privileged);
        Assert.Equal(["ALL"], container.Capabilities.Drop);
        Assert.Null(container.Capabilities.Add);
    }

    [SkippableFact]
    public async Task Only_the_manager_gets_a_service_account_token_and_it_is_bound_and_expiring()
    {
        var manifest = await Support.Bundle.MainAsync();
        var account = manifest.Single<V1ServiceAccount>("ServiceAccount", Support.Bundle.ServiceAccount);
        var pod = manifest.Single<V1Deployment>("Deployment", Support.Bundle.Deployment).Spec.Template.Spec;

        Assert.False(account.AutomountServiceAccountToken);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Equal(Support.Bundle.ServiceAccount, pod.ServiceAccountName);
        var tokenVolume = Assert.Single(pod.Volumes, v => v.Projected?.Sources.Any(s => s.ServiceAccountToken is not null) == true);
        var token = tokenVolume.Projected.Sources.Single(s => s.ServiceAccountToken is not null).ServiceAccountToken;
        Assert.InRange(token.ExpirationSeconds ?? 0, 600, 3607);
        var mount = Assert.Single(pod.Containers.SelectMany(c => c.VolumeMounts), m => m.Name == tokenVolume.Name);
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount", mount.MountPath);
        Assert.True(mount.ReadOnlyProperty);
    }

    [SkippableFact]
    public async Task Bindings_give_the_roles_to_the_account_the_pods_run_as()
    {
        var manifest = await Support.Bundle.MainAsync();
        var clusterBinding = manifest.All<V1ClusterRoleBinding>("ClusterRoleBinding").Single();
        var binding = manifest.All<V1RoleBinding>("RoleBinding").Single();

        Assert.Equal(("ClusterRole", manifest.All<V1ClusterRole>("ClusterRole").Single().Metadata.Name), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name));
        Assert.Equal(("Role", manifest.All<V1Role>("Role").Single().Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        foreach (var subjects in new[] { clusterBinding.Subjects, binding.Subjects })
        {
            var subject = Assert.Single(subjects);
            Assert.Equal(("ServiceAccount", Support.Bundle.ServiceAccount, Support.Bundle.Namespace), (subject.Kind, subject.Name, subject.NamespaceProperty));
        }
    }

    [SkippableFact]
    public async Task Roles_grant_no_wildcards()
    {
        var manifest = await Support.Bundle.MainAsync();
        var rules = manifest.All<V1ClusterRole>("ClusterRole").SelectMany(r => r.Rules)
            .Concat(manifest.All<V1Role>("Role").SelectMany(r => r.Rules)).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("*", rule.Resources);
            Assert.DoesNotContain("*", rule.ApiGroups);
            Assert.Null(rule.NonResourceURLs);
        });
    }

    [SkippableFact]
    public async Task Metrics_service_and_ServiceMonitor_reach_the_pods_through_the_original_label()
    {
        var manifest = await Support.Bundle.MainAsync();
        var deployment = manifest.Single<V1Deployment>("Deployment", Support.Bundle.Deployment);
        var service = manifest.All<V1Service>("Service").Single();
        var monitor = (await Support.Bundle.MonitoringAsync()).Single("ServiceMonitor");

        Assert.Equal(Support.Bundle.ControlPlaneLabel, service.Metadata.Labels["control-plane"]);
        Assert.Equal(Support.Bundle.ControlPlaneLabel, deployment.Spec.Template.Metadata.Labels["control-plane"]);
        Assert.All(service.Spec.Selector, kv => Assert.Equal(kv.Value, deployment.Spec.Template.Metadata.Labels[kv.Key]));
        var port = Assert.Single(service.Spec.Ports);
        Assert.Contains(deployment.Spec.Template.Spec.Containers[0].Ports, p => p.Name == port.TargetPort.Value);
        Assert.Equal(Support.Bundle.Namespace, Manifest.Namespace(monitor));
        foreach (var (key, value) in monitor["spec"]!["selector"]!["matchLabels"]!.AsObject())
        {
            Assert.Equal((string?)value, service.Metadata.Labels[key]);
        }
        var endpoint = Assert.Single(monitor["spec"]!["endpoints"]!.AsArray());
        Assert.Equal((port.Name, "/metrics"), ((string?)endpoint!["port"], (string?)endpoint["path"]));
    }
}
