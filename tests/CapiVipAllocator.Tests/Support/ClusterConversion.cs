using System.Text.Json.Nodes;
using CapiSdk.Testing;
using CapiSdk.Testing.Conversion;

namespace CapiVipAllocator.Tests.Support;

/// <summary>
/// Stand-ins for Cluster API's conversion webhook between cluster.x-k8s.io v1beta1 and v1beta2, for what the controller's
/// scenarios use: Cluster <c>spec.topology.class</c>/<c>classNamespace</c> ⇄ <c>classRef</c>, the conditions
/// (v1beta1 <c>status.v1beta2.conditions</c> ⇄ v1beta2 <c>status.conditions</c>, v1beta1 <c>status.conditions</c> ⇄
/// v1beta2 <c>status.deprecated.v1beta1.conditions</c>), and ClusterClass <c>controlPlane</c>/<c>infrastructure</c>
/// <c>ref</c> ⇄ <c>templateRef</c>. Everything else the scenarios use is spelt the same in both versions.
/// </summary>
internal static class ClusterConversion
{
    /// <summary>Adds both converters to <paramref name="options"/>.</summary>
    public static void Add(KubeApiServerOptions options)
    {
        options.Converters["Cluster.cluster.x-k8s.io"] = request => Convert(request, Cluster);
        options.Converters["ClusterClass.cluster.x-k8s.io"] = request => Convert(request, ClusterClass);
    }

    private static IReadOnlyList<JsonObject> Convert(ConversionRequest request, Action<JsonObject, bool> convert)
    {
        foreach (var o in request.Objects)
        {
            var from = (string?)o["apiVersion"];
            if (from != request.DesiredApiVersion)
            {
                convert(o, request.DesiredApiVersion.EndsWith("/v1beta2", StringComparison.Ordinal));
                o["apiVersion"] = request.DesiredApiVersion;
            }
        }

        return request.Objects;
    }

    private static void Cluster(JsonObject cluster, bool toV1Beta2)
    {
        if (cluster["spec"]?["topology"] is JsonObject topology)
        {
            if (toV1Beta2 && topology["class"] is { } name)
            {
                topology["classRef"] = new JsonObject { ["name"] = name.DeepClone() };
                if (topology["classNamespace"] is { } ns)
                {
                    topology["classRef"]!["namespace"] = ns.DeepClone();
                }

                topology.Remove("class");
                topology.Remove("classNamespace");
            }
            else if (!toV1Beta2 && topology["classRef"] is JsonObject classRef)
            {
                topology["class"] = classRef["name"]?.DeepClone();
                if (classRef["namespace"] is { } ns)
                {
                    topology["classNamespace"] = ns.DeepClone();
                }

                topology.Remove("classRef");
            }
        }

        if (cluster["status"] is JsonObject status)
        {
            var current = toV1Beta2 ? status["v1beta2"]?["conditions"] : status["conditions"];
            var deprecated = toV1Beta2 ? status["conditions"] : status["deprecated"]?["v1beta1"]?["conditions"];
            status.Remove("conditions");
            status.Remove("v1beta2");
            status.Remove("deprecated");
            if (toV1Beta2)
            {
                Set(status, "conditions", current);
                if (deprecated is not null)
                {
                    status["deprecated"] = new JsonObject { ["v1beta1"] = new JsonObject { ["conditions"] = deprecated.DeepClone() } };
                }
            }
            else
            {
                Set(status, "conditions", deprecated);
                if (current is not null)
                {
                    status["v1beta2"] = new JsonObject { ["conditions"] = current.DeepClone() };
                }
            }
        }
    }

    private static void ClusterClass(JsonObject clusterClass, bool toV1Beta2)
    {
        foreach (var part in new[] { "controlPlane", "infrastructure" })
        {
            if (clusterClass["spec"]?[part] is JsonObject section && section[toV1Beta2 ? "ref" : "templateRef"] is { } reference)
            {
                section[toV1Beta2 ? "templateRef" : "ref"] = reference.DeepClone();
                section.Remove(toV1Beta2 ? "ref" : "templateRef");
            }
        }
    }

    private static void Set(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value.DeepClone();
        }
    }
}
