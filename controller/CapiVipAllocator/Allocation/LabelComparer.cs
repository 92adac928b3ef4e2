namespace CapiVipAllocator.Allocation;

/// <summary>Compares metric label value arrays by content.</summary>
internal sealed class LabelComparer : IEqualityComparer<string[]>
{
    /// <summary>The instance.</summary>
    public static readonly LabelComparer Instance = new();

    /// <inheritdoc/>
    public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    /// <inheritdoc/>
    public int GetHashCode(string[] obj)
    {
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
