namespace CapiSdk.Testing.Resources;

/// <summary>The built-in resources a controller needs: namespaces, events (core and events.k8s.io), leases, CRDs, secrets, config maps and service accounts.</summary>
internal static class BuiltInResources
{
    public static ResourceType Namespaces { get; } = new()
    {
        Group = "",
        Plural = "namespaces",
        Singular = "namespace",
        Kind = "Namespace",
        ListKind = "NamespaceList",
        Namespaced = false,
        ShortNames = ["ns"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
        HasStatusSubresource = true,
    };

    public static ResourceType CoreEvents { get; } = new()
    {
        Group = "",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        ListKind = "EventList",
        Namespaced = true,
        ShortNames = ["ev"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
        ExtraSelectableFields = new Dictionary<string, string>
        {
            ["involvedObject.kind"] = ".involvedObject.kind",
            ["involvedObject.namespace"] = ".involvedObject.namespace",
            ["involvedObject.name"] = ".involvedObject.name",
            ["involvedObject.uid"] = ".involvedObject.uid",
            ["involvedObject.apiVersion"] = ".involvedObject.apiVersion",
            ["involvedObject.resourceVersion"] = ".involvedObject.resourceVersion",
            ["involvedObject.fieldPath"] = ".involvedObject.fieldPath",
            ["reason"] = ".reason",
            ["reportingComponent"] = ".reportingComponent",
            ["source"] = ".source.component",
            ["type"] = ".type",
        },
    };

    public static ResourceType Events { get; } = new()
    {
        Group = "events.k8s.io",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        ListKind = "EventList",
        Namespaced = true,
        ShortNames = ["ev"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
        ExtraSelectableFields = new Dictionary<string, string>
        {
            ["regarding.kind"] = ".regarding.kind",
            ["regarding.namespace"] = ".regarding.namespace",
            ["regarding.name"] = ".regarding.name",
            ["regarding.uid"] = ".regarding.uid",
            ["reason"] = ".reason",
            ["reportingController"] = ".reportingController",
            ["type"] = ".type",
        },
    };

    public static ResourceType Leases { get; } = new()
    {
        Group = "coordination.k8s.io",
        Plural = "leases",
        Singular = "lease",
        Kind = "Lease",
        ListKind = "LeaseList",
        Namespaced = true,
        Versions = [new ServedVersion("v1", true, true, null, null)],
    };

    public static ResourceType CustomResourceDefinitions { get; } = new()
    {
        Group = "apiextensions.k8s.io",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Kind = "CustomResourceDefinition",
        ListKind = "CustomResourceDefinitionList",
        Namespaced = false,
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
        HasStatusSubresource = true,
        TracksGeneration = true,
    };

    public static ResourceType Secrets { get; } = new()
    {
        Group = "",
        Plural = "secrets",
        Singular = "secret",
        Kind = "Secret",
        ListKind = "SecretList",
        Namespaced = true,
        Versions = [new ServedVersion("v1", true, true, null, null)],
        ExtraSelectableFields = new Dictionary<string, string> { ["type"] = ".type" },
    };

    public static ResourceType ConfigMaps { get; } = new()
    {
        Group = "",
        Plural = "configmaps",
        Singular = "configmap",
        Kind = "ConfigMap",
        ListKind = "ConfigMapList",
        Namespaced = true,
        ShortNames = ["cm"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
    };

    public static ResourceType ServiceAccounts { get; } = new()
    {
        Group = "",
        Plural = "serviceaccounts",
        Singular = "serviceaccount",
        Kind = "ServiceAccount",
        ListKind = "ServiceAccountList",
        Namespaced = true,
        ShortNames = ["sa"],
        Versions = [new ServedVersion("v1", true, true, null, null)],
    };

    public static IReadOnlyList<ResourceType> All { get; } = [Namespaces, CoreEvents, Events, Leases, CustomResourceDefinitions, Secrets, ConfigMaps, ServiceAccounts];
}
