using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CapiSdk.Models;

namespace CapiSdk.Tests.Infrastructure;

/// <summary>Typed models from JSON, the way a manifest describes them (no nested generated type names in tests).</summary>
internal static class Json
{
    public static T Read<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)CrdJsonContext.Default.Options.GetTypeInfo(typeof(T)))!;
}
