using System.Text.Json.Nodes;

namespace CapiSdk.Generator.Tests.Infrastructure;

/// <summary>Finds the first place two JSON documents differ; object key order is not a difference.</summary>
internal static class JsonDiff
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : path + ": expected null, got " + actual.ToJsonString();
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return path + ": expected an object, got " + Show(actual);
                }

                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var other))
                    {
                        return path + "." + key + ": missing after the round trip (was " + Show(value) + ")";
                    }

                    if (FirstDifference(value, other, path + "." + key) is { } difference)
                    {
                        return difference;
                    }
                }

                foreach (var (key, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(key))
                    {
                        return path + "." + key + ": added by the round trip (" + Show(value) + ")";
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return path + ": expected " + expectedArray.ToJsonString() + ", got " + Show(actual);
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstDifference(expectedArray[i], actualArray[i], path + "[" + i + "]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : path + ": expected " + expected.ToJsonString() + ", got " + Show(actual);
        }
    }

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
