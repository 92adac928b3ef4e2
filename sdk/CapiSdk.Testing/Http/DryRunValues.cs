namespace CapiSdk.Testing.Http;

/// <summary>The dryRun directive: absent (a real write) or "All"; anything else is refused as the real server refuses it.</summary>
internal static class DryRunValues
{
    public static bool Parse(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return false;
        }
        if (values.Any(v => v != "All"))
        {
            throw new ApiException(422, "Invalid", $"Unsupported value: \"{string.Join(",", values)}\": supported values: \"All\"");
        }
        return true;
    }
}
