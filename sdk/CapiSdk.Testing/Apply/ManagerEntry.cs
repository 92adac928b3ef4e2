namespace CapiSdk.Testing.Apply;

/// <summary>One metadata.managedFields entry: who, how (Apply or Update), for which subresource, and which fields.</summary>
internal sealed class ManagerEntry
{
    public required string Manager { get; init; }
    public required string Operation { get; init; }
    public string? Subresource { get; init; }
    public required string ApiVersion { get; set; }
    public string Time { get; set; } = "";
    public HashSet<string> Fields { get; init; } = new(StringComparer.Ordinal);

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;
}
