using System.Text.Json.Nodes;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Http;

/// <summary>Serializes stored objects for a requested version: the stored bytes as they are, or with apiVersion rewritten (conversion strategy None).</summary>
internal static class ObjectJson
{
    public static byte[] Render(StoredObject o, string apiVersion)
    {
        if (o.ApiVersion == apiVersion)
        {
            return o.Json;
        }
        var node = o.ToNode();
        node["apiVersion"] = apiVersion;
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static byte[] Render(JsonObject o, string apiVersion)
    {
        o["apiVersion"] = apiVersion;
        return System.Text.Encoding.UTF8.GetBytes(o.ToJsonString());
    }
}
