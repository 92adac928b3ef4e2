using System.Text.Json.Nodes;

namespace CapiVipAllocator.Benchmarks;

/// <summary>
/// The harness measures the controller with the runtime settings the controller binary ships: its own runtimeconfig's
/// configProperties (garbage collector, globalization) must equal capi-vip-allocator.runtimeconfig.json's, which the
/// controller project reference copies next to it. Both come from controller/CapiVipAllocator/Runtime.props.
/// </summary>
internal static class RuntimeConfigMirror
{
    /// <summary>Null when the two agree; otherwise what differs and what to do.</summary>
    public static string? Difference()
    {
        var harness = Properties(typeof(RuntimeConfigMirror).Assembly.GetName().Name + ".runtimeconfig.json");
        var controller = Properties("capi-vip-allocator.runtimeconfig.json");
        if (harness is null || controller is null)
        {
            return "a runtimeconfig.json is missing next to the harness; build it with dotnet build (or run it with dotnet run)";
        }

        return JsonNode.DeepEquals(harness, controller)
            ? null
            : $"the harness runs with {harness.ToJsonString()} but the controller ships {controller.ToJsonString()}; " +
              "set runtime properties in controller/CapiVipAllocator/Runtime.props only";
    }

    private static JsonObject? Properties(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, file);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"] as JsonObject : null;
    }
}
