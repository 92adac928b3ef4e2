namespace CapiSdk.Client;

/// <summary>Options of a list request.</summary>
public sealed record ListOptions
{
    /// <summary>A label selector, such as <c>app=web,tier in (a,b)</c>; see <c>LabelSelectorBuilder</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>A field selector on <c>metadata.name</c> or <c>metadata.namespace</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>The page size; the server returns a <c>continue</c> token when there is more.</summary>
    public int? Limit { get; init; }

    /// <summary>The <c>continue</c> token of the previous page.</summary>
    public string? Continue { get; init; }

    /// <summary>The resourceVersion to list at (<c>"0"</c> accepts any cached state).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>How <see cref="ResourceVersion"/> is matched: <c>Exact</c> or <c>NotOlderThan</c>.</summary>
    public string? ResourceVersionMatch { get; init; }
}
