using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Http;

/// <summary>
/// The apimachinery meta/v1 definitions an OpenAPI document needs for a kind's <c>metadata</c>: ObjectMeta and what
/// it references (ManagedFieldsEntry, OwnerReference, Time, FieldsV1), under their real names, as the apiextensions
/// OpenAPI builder references them. Descriptions are short summaries written for this server.
/// </summary>
internal static class ObjectMetaSchemas
{
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private const string Prefix = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    /// <summary>The definitions, with references written as <paramref name="refPrefix"/> + name.</summary>
    public static IEnumerable<(string Name, JsonObject Schema)> Definitions(string refPrefix)
    {
        var v2 = refPrefix == "#/definitions/";
        JsonObject Ref(string name, string description) => Reference(refPrefix + Prefix + name, description, v2);
        JsonObject Str(string description) => new() { ["type"] = "string", ["description"] = description };
        JsonObject Map(string description) => new() { ["type"] = "object", ["description"] = description, ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" } };
        JsonObject Array(string description, JsonObject items) => new() { ["type"] = "array", ["description"] = description, ["items"] = items };
        yield return (ObjectMeta, new JsonObject
        {
            ["description"] = "Metadata that every persisted object has: name, namespace, labels, annotations, owners, finalizers and what the server records.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["annotations"] = Map("Unstructured key/value data kept with the object; not queryable."),
                ["creationTimestamp"] = Ref("Time", "When the server created the object (RFC 3339, UTC). Read-only."),
                ["deletionGracePeriodSeconds"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "Seconds the object may take to terminate once deletion was requested. Read-only." },
                ["deletionTimestamp"] = Ref("Time", "When deletion was requested; set by the server. Read-only."),
                ["finalizers"] = Array("Entries that must be removed before the object is deleted from storage.", new JsonObject { ["type"] = "string", ["default"] = "" }),
                ["generateName"] = Str("A prefix from which the server generates a unique name when name is empty."),
                ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "A sequence number for changes of the desired state. Read-only." },
                ["labels"] = Map("Key/value pairs used to organize and select objects."),
                ["managedFields"] = Array("Which manager owns which fields, as recorded by server-side apply and updates.", Reference(refPrefix + Prefix + "ManagedFieldsEntry", null, v2)),
                ["name"] = Str("The object's name, unique within its namespace (or the cluster, for cluster-scoped kinds)."),
                ["namespace"] = Str("The namespace the object lives in; empty for cluster-scoped kinds."),
                ["ownerReferences"] = Array("Objects this one depends on; it is garbage collected when they are all gone.", Reference(refPrefix + Prefix + "OwnerReference", null, v2)),
                ["resourceVersion"] = Str("An opaque version of the object, for optimistic concurrency and watches. Read-only."),
                ["selfLink"] = Str("Deprecated and no longer set."),
                ["uid"] = Str("The object's unique id, set by the server. Read-only."),
            },
        });
        yield return (Prefix + "ManagedFieldsEntry", new JsonObject
        {
            ["description"] = "The fields a manager owns, and the operation that made it own them.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = Str("The version of the object the fields are written against."),
                ["fieldsType"] = Str("The format of fieldsV1; always \"FieldsV1\"."),
                ["fieldsV1"] = Ref("FieldsV1", "The owned fields as a set."),
                ["manager"] = Str("The manager's name."),
                ["operation"] = Str("Apply or Update."),
                ["subresource"] = Str("The subresource the fields were written through, if any."),
                ["time"] = Ref("Time", "When the entry last changed."),
            },
        });
        yield return (Prefix + "OwnerReference", new JsonObject
        {
            ["description"] = "A reference to an owner of the object.",
            ["type"] = "object",
            ["required"] = new JsonArray("apiVersion", "kind", "name", "uid"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = Str("The owner's apiVersion."),
                ["blockOwnerDeletion"] = new JsonObject { ["type"] = "boolean", ["description"] = "When true, foreground deletion of the owner waits for this object." },
                ["controller"] = new JsonObject { ["type"] = "boolean", ["description"] = "When true, this owner is the managing controller." },
                ["kind"] = Str("The owner's kind."),
                ["name"] = Str("The owner's name."),
                ["uid"] = Str("The owner's uid."),
            },
            ["x-kubernetes-map-type"] = "atomic",
        });
        yield return (Prefix + "Time", new JsonObject { ["description"] = "A timestamp in RFC 3339 form.", ["type"] = "string", ["format"] = "date-time" });
        yield return (Prefix + "FieldsV1", new JsonObject { ["description"] = "A set of fields in the FieldsV1 JSON form.", ["type"] = "object" });
    }

    /// <summary>A kind's metadata property, referencing ObjectMeta as the apiextensions builder does.</summary>
    public static JsonObject MetadataProperty(string refPrefix) =>
        Reference(refPrefix + ObjectMeta, "Standard object's metadata.", refPrefix == "#/definitions/");

    /// <summary>v3 wraps a reference in allOf (so it can carry a description and default); v2 uses $ref itself.</summary>
    private static JsonObject Reference(string target, string? description, bool v2)
    {
        var r = v2 ? new JsonObject { ["$ref"] = target } : new JsonObject { ["default"] = new JsonObject(), ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = target }) };
        if (description is not null)
        {
            r["description"] = description;
        }
        return r;
    }
}
