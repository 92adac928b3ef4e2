using System.Text;
using System.Text.Json;

namespace CapiVipAllocator.Allocation;

/// <summary>Server-side apply bodies for the Cluster: only the fields this controller owns.</summary>
internal static class ClusterPatches
{
    /// <summary>
    /// The metadata and spec apply: annotation(s), label, <c>spec.controlPlaneEndpoint</c> and the VIP variable (a
    /// list-map item keyed by name, so other variables stay with their owners). <c>metadata.resourceVersion</c> makes
    /// it a precondition, so a Cluster deleted meanwhile is never re-created by the apply.
    /// </summary>
    public static string Spec(string apiVersion, ClusterFacts cluster, DesiredFields desired)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Header(json, apiVersion, cluster, cluster.ResourceVersion);
            if (desired.ControlPlaneIp is not null || desired.IngressIp is not null)
            {
                json.WriteStartObject("annotations");
                if (desired.ControlPlaneIp is not null)
                {
                    json.WriteString(Names.ControlPlaneVipAnnotation, desired.ControlPlaneIp);
                }

                if (desired.IngressIp is not null)
                {
                    json.WriteString(Names.IngressVipAnnotation, desired.IngressIp);
                }

                json.WriteEndObject();
            }

            if (desired.IngressLabel is not null)
            {
                json.WriteStartObject("labels");
                json.WriteString(Names.IngressVipAnnotation, desired.IngressLabel);
                json.WriteEndObject();
            }

            json.WriteEndObject(); // metadata
            if (desired.ControlPlaneIp is not null || desired.Port > 0)
            {
                // Without a control-plane VIP to write the port is still applied when set: dropping a field this
                // manager owned from an apply would remove it.
                json.WriteStartObject("spec");
                json.WriteStartObject("controlPlaneEndpoint");
                if (desired.ControlPlaneIp is not null)
                {
                    json.WriteString("host", desired.ControlPlaneIp);
                }

                json.WriteNumber("port", desired.Port);
                json.WriteEndObject();
                if (desired.ControlPlaneIp is not null && desired.VariableName is not null)
                {
                    json.WriteStartObject("topology");
                    json.WriteStartArray("variables");
                    json.WriteStartObject();
                    json.WriteString("name", desired.VariableName);
                    json.WriteString("value", desired.ControlPlaneIp);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The status apply: this controller's condition only (a list-map item keyed by type).</summary>
    public static string Condition(string apiVersion, bool underV1Beta2, ClusterFacts cluster, ConditionFacts condition)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Header(json, apiVersion, cluster, null);
            json.WriteEndObject(); // metadata
            json.WriteStartObject("status");
            if (underV1Beta2)
            {
                json.WriteStartObject("v1beta2");
            }

            json.WriteStartArray("conditions");
            json.WriteStartObject();
            json.WriteString("type", Names.ConditionType);
            json.WriteString("status", condition.Status);
            json.WriteString("reason", condition.Reason);
            json.WriteString("message", condition.Message);
            if (condition.ObservedGeneration is { } generation)
            {
                json.WriteNumber("observedGeneration", generation);
            }

            json.WriteString("lastTransitionTime", (condition.LastTransitionTime ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndArray();
            if (underV1Beta2)
            {
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Header(Utf8JsonWriter json, string apiVersion, ClusterFacts cluster, string? resourceVersion)
    {
        json.WriteString("apiVersion", apiVersion);
        json.WriteString("kind", "Cluster");
        json.WriteStartObject("metadata");
        json.WriteString("name", cluster.Name);
        json.WriteString("namespace", cluster.Namespace);
        if (resourceVersion is not null)
        {
            json.WriteString("resourceVersion", resourceVersion);
        }
    }
}
