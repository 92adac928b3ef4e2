using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;

namespace CapiSdk.Testing.Http;

/// <summary>
/// A minimal OpenAPI v3 discovery: the root lists one document per group/version; each document has the
/// PATCH operations (with their group-version-kind and the fieldValidation parameter) and the CRD schemas,
/// which is what kubectl reads to choose server-side field validation, patch types and explain output.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Root(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var (group, versions) in registry.Groups())
        {
            foreach (var v in versions)
            {
                var key = group.Length == 0 ? "api/" + v : $"apis/{group}/{v}";
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(registry, group, v)}" };
            }
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? GroupVersion(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.FindVersion(version) is not null).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var t in types)
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var path = t.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{t.Plural}/{{name}}" : $"{prefix}/{t.Plural}/{{name}}";
            var gvk = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = t.Kind };
            paths[path] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = "patch" + t.Kind,
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
                    ["parameters"] = new JsonArray(
                        Param("dryRun"), Param("fieldManager"), Param("fieldValidation"), Param("force")),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                },
            };
            var schemaName = SchemaName(t, version);
            var schema = t.FindVersion(version)?.Schema?.DeepClone().AsObject() ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
            WithMetadata(schema, "#/components/schemas/");
            schemas[schemaName] = schema;
        }
        foreach (var (name, definition) in ObjectMetaSchemas.Definitions("#/components/schemas/"))
        {
            schemas[name] = definition;
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>
    /// The OpenAPI v2 document (JSON) with a definition for every served version of every kind, each with metadata
    /// referencing ObjectMeta, for readers of v2 (kubectl itself asks for the protobuf form, see ApiHandler).
    /// </summary>
    public static JsonObject V2(ResourceRegistry registry)
    {
        var definitions = new JsonObject();
        foreach (var t in registry.All.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var v in t.Versions.Where(v => v.Served))
            {
                var schema = v.Schema?.DeepClone().AsObject() ?? new JsonObject { ["type"] = "object" };
                schema["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject { ["group"] = t.Group, ["version"] = v.Name, ["kind"] = t.Kind });
                WithMetadata(schema, "#/definitions/");
                definitions[SchemaName(t, v.Name)] = schema;
            }
        }
        foreach (var (name, definition) in ObjectMetaSchemas.Definitions("#/definitions/"))
        {
            definitions[name] = definition;
        }
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = new JsonObject(),
            ["definitions"] = definitions,
        };
    }

    private static void WithMetadata(JsonObject schema, string refPrefix)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            properties = new JsonObject();
            schema["properties"] = properties;
        }
        properties["metadata"] = ObjectMetaSchemas.MetadataProperty(refPrefix);
    }

    private static JsonObject Param(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = name,
        ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true },
    };

    private static string SchemaName(ResourceType t, string version)
    {
        var reversed = t.Group.Length == 0 ? "io.k8s.api.core" : string.Join('.', t.Group.Split('.').Reverse());
        return $"{reversed}.{version}.{t.Kind}";
    }

    private static string Hash(ResourceRegistry registry, string group, string version)
    {
        var doc = GroupVersion(registry, group, version)?.ToJsonString() ?? "";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(doc)))[..16];
    }
}
