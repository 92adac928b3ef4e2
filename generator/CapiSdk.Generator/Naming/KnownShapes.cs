using System;
using System.Collections.Generic;
using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Naming;

/// <summary>
/// Names for shapes everyone knows from Kubernetes itself, recognised by their properties. A shape gets the name
/// when its JSON property names are one of these sets (and the telling fields have the Kubernetes types):
/// <list type="bullet">
/// <item><c>Condition</c>: <c>type</c>, <c>status</c>, <c>lastTransitionTime</c> (a date-time), optionally <c>reason</c>, <c>message</c>, <c>observedGeneration</c>, <c>severity</c>.</item>
/// <item><c>ObjectReference</c>: <c>apiVersion</c>, <c>kind</c>, <c>name</c>, optionally <c>namespace</c>, <c>uid</c>, <c>resourceVersion</c>, <c>fieldPath</c>.</item>
/// <item><c>TypedLocalObjectReference</c>: exactly <c>apiGroup</c>, <c>kind</c>, <c>name</c>.</item>
/// <item><c>LocalObjectReference</c>: exactly <c>name</c>.</item>
/// <item><c>SecretKeySelector</c>: <c>name</c>, <c>key</c>, optionally <c>optional</c>.</item>
/// <item><c>LabelSelector</c>: <c>matchLabels</c> and/or <c>matchExpressions</c>; its element <c>LabelSelectorRequirement</c>: <c>key</c>, <c>operator</c>, optionally <c>values</c>.</item>
/// <item>The container environment: <c>EnvVar</c>, <c>EnvVarSource</c>, <c>ObjectFieldSelector</c>, <c>ResourceFieldSelector</c>, <c>FileKeySelector</c> (and <c>ConfigMapKeySelector</c>, a key selector first used as <c>configMapKeyRef</c>).</item>
/// </list>
/// </summary>
internal static class KnownShapes
{
    private static readonly (string Name, string[] Required, string[] Optional)[] Known =
    {
        ("Condition", new[] { "type", "status", "lastTransitionTime" }, new[] { "reason", "message", "observedGeneration", "severity" }),
        ("ObjectReference", new[] { "apiVersion", "kind", "name" }, new[] { "namespace", "uid", "resourceVersion", "fieldPath" }),
        ("TypedLocalObjectReference", new[] { "apiGroup", "kind", "name" }, Array.Empty<string>()),
        ("LocalObjectReference", new[] { "name" }, Array.Empty<string>()),
        ("SecretKeySelector", new[] { "name", "key" }, new[] { "optional" }),
        ("LabelSelector", Array.Empty<string>(), new[] { "matchLabels", "matchExpressions" }),
        ("LabelSelectorRequirement", new[] { "key", "operator" }, new[] { "values" }),
        ("EnvVar", new[] { "name", "value", "valueFrom" }, Array.Empty<string>()),
        ("EnvVarSource", new[] { "configMapKeyRef", "secretKeyRef" }, new[] { "fieldRef", "resourceFieldRef", "fileKeyRef" }),
        ("ObjectFieldSelector", new[] { "fieldPath" }, new[] { "apiVersion" }),
        ("ResourceFieldSelector", new[] { "resource" }, new[] { "containerName", "divisor" }),
        ("FileKeySelector", new[] { "key", "path", "volumeName" }, new[] { "optional" }),
    };

    /// <summary>
    /// The well-known name of an object type's shape, or null. <paramref name="segment"/> is the name part of its
    /// first place: a key selector first used as a <c>configMapKeyRef</c> is a <c>ConfigMapKeySelector</c>.
    /// </summary>
    public static string? For(ObjectTypeModel type, string segment)
    {
        if (type.EmbeddedResource || type.Properties.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(type.Properties.Select(p => p.JsonName), StringComparer.Ordinal);
        foreach (var (name, required, optional) in Known)
        {
            if (required.All(names.Contains) && names.All(n => required.Contains(n) || optional.Contains(n)) && TypesFit(type))
            {
                return name == "SecretKeySelector" && segment.StartsWith("ConfigMap", StringComparison.Ordinal) ? "ConfigMapKeySelector" : name;
            }
        }

        return null;
    }

    /// <summary>Fields that name or point at something are strings; a condition's time is a date-time.</summary>
    private static bool TypesFit(ObjectTypeModel type) => type.Properties.All(p => p.JsonName switch
    {
        "lastTransitionTime" => p.Type == JsonTypeModel.DateTimeOffset,
        "observedGeneration" => p.Type == JsonTypeModel.Long || p.Type == JsonTypeModel.Int,
        "optional" => p.Type == JsonTypeModel.Bool,
        "matchLabels" => p.Type.Kind == JsonTypeKind.Map,
        "matchExpressions" or "values" => p.Type.Kind == JsonTypeKind.List,
        "valueFrom" or "configMapKeyRef" or "secretKeyRef" or "fieldRef" or "resourceFieldRef" or "fileKeyRef" => p.Type.Kind == JsonTypeKind.Object,
        "divisor" => true,
        _ => p.Type == JsonTypeModel.String || p.Type.IsEnum,
    });
}
