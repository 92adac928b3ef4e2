using System.Text.Json.Nodes;
using CapiSdk.Testing.Conversion;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Http;

/// <summary>Serializes objects in a requested version: the stored bytes as they are, or converted (<see cref="VersionConverter"/>).</summary>
internal static class ObjectJson
{
    public static byte[] Render(StoredObject o, ResourceType t, ServedVersion v) => VersionConverter.Render(o, t, v);

    public static byte[] Render(JsonObject o, ResourceType t, ServedVersion v) =>
        JsonBytes.Of(VersionConverter.ToVersion(t, o, v));
}
