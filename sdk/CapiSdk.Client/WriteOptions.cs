namespace CapiSdk.Client;

/// <summary>Options of create, replace and patch requests.</summary>
public sealed record WriteOptions
{
    /// <summary>The field manager recorded in managedFields (required for server-side apply).</summary>
    public string? FieldManager { get; init; }

    /// <summary>Server-side apply only: take ownership of fields another manager owns instead of failing with a conflict.</summary>
    public bool Force { get; init; }

    /// <summary>Validate and return the result without storing it.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Typed merge patches only: send the lists the patch object holds, knowing that each replaces the server's list
    /// whole (a JSON merge patch cannot merge lists, and custom resources have no strategic merge). Without it a
    /// typed merge patch that holds a list is refused before anything is sent; server-side apply
    /// (<see cref="PatchFormat.Apply"/>) merges list-map items by their keys instead.
    /// </summary>
    public bool ReplaceLists { get; init; }
}
