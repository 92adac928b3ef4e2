using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Resources;

/// <summary>Turns an apiextensions.k8s.io/v1 CustomResourceDefinition object into a <see cref="ResourceType"/>.</summary>
internal static class CrdReader
{
    public static async Task<ResourceType> ReadAsync(JsonObject crd, Conversion.ConversionHooks hooks, CancellationToken cancellationToken)
    {
        var spec = crd["spec"] as JsonObject ?? throw new FormatException("CustomResourceDefinition has no spec");
        var names = spec["names"] as JsonObject ?? throw new FormatException("CustomResourceDefinition has no spec.names");
        var group = (string?)spec["group"] ?? throw new FormatException("CustomResourceDefinition has no spec.group");
        var plural = (string?)names["plural"] ?? throw new FormatException("CustomResourceDefinition has no spec.names.plural");
        var kind = (string?)names["kind"] ?? throw new FormatException("CustomResourceDefinition has no spec.names.kind");
        var versions = new List<ServedVersion>();
        var hasStatus = false;
        foreach (var v in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var schema = (v["schema"]?["openAPIV3Schema"] as JsonObject)?.DeepClone().AsObject();
            var validator = schema is null ? null : await SchemaCache.GetOrCompileAsync(schema, cancellationToken).ConfigureAwait(false);
            versions.Add(new ServedVersion(
                (string?)v["name"] ?? "",
                v["served"]?.GetValue<bool>() ?? true,
                v["storage"]?.GetValue<bool>() ?? false,
                schema,
                v["additionalPrinterColumns"]?.DeepClone().AsArray(),
                validator)
            {
                SelectableFields = (v["selectableFields"] as JsonArray ?? []).OfType<JsonObject>().Select(f => (string?)f["jsonPath"] ?? "").Where(p => p.Length > 0).ToList(),
                Scale = v["subresources"]?["scale"] is JsonObject scale
                    ? new ScaleSubresource((string?)scale["specReplicasPath"] ?? "", (string?)scale["statusReplicasPath"] ?? "", (string?)scale["labelSelectorPath"])
                    : null,
                Deprecated = v["deprecated"]?.GetValue<bool>() ?? false,
                DeprecationWarning = (string?)v["deprecationWarning"],
            });
            hasStatus |= v["subresources"]?["status"] is not null;
        }
        if (versions.Count == 0)
        {
            throw new FormatException($"CustomResourceDefinition {plural}.{group} has no versions");
        }
        return new ResourceType
        {
            Group = group,
            Plural = plural,
            Singular = (string?)names["singular"] ?? kind.ToLowerInvariant(),
            Kind = kind,
            ListKind = (string?)names["listKind"] ?? kind + "List",
            Namespaced = ((string?)spec["scope"] ?? "Namespaced") == "Namespaced",
            ShortNames = Strings(names["shortNames"]),
            Categories = Strings(names["categories"]),
            Versions = versions,
            HasStatusSubresource = hasStatus,
            Converter = hooks.Resolve(group, kind, (string?)spec["conversion"]?["strategy"] ?? "None"),
            IsCustom = true,
            TracksGeneration = true,
        };
    }

    /// <summary>Fills in what the apiextensions server defaults and reports: listKind, singular, Established/NamesAccepted conditions.</summary>
    public static void CompleteCrd(JsonObject crd, DateTimeOffset now)
    {
        var names = crd["spec"]!["names"]!.AsObject();
        var kind = (string?)names["kind"] ?? "";
        names["listKind"] ??= kind + "List";
        names["singular"] ??= kind.ToLowerInvariant();
        var spec = crd["spec"]!.AsObject();
        spec["scope"] ??= "Namespaced";
        spec["conversion"] ??= new JsonObject { ["strategy"] = "None" };
        var time = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = names.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", time),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", time)),
            ["storedVersions"] = new JsonArray((spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => (JsonNode?)JsonValue.Create((string?)v["name"])).ToArray()),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string time) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = time,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => (string?)x ?? "").Where(x => x.Length > 0).ToList() : [];
}
