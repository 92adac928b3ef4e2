namespace CapiSdk.IpamSimulator.Addresses;

/// <summary>
/// A set of addresses kept as sorted, non-overlapping ranges (what go4.org/netipx's <c>IPSet</c> is to the real
/// provider): ranges are added and removed, and the set is counted and walked from its lowest address.
/// </summary>
internal sealed class IpSet
{
    private readonly List<IpRange> _ranges = [];

    /// <summary>The ranges, lowest first (IPv4 before IPv6).</summary>
    public IReadOnlyList<IpRange> Ranges => _ranges;

    /// <summary>The number of addresses, saturated at <see cref="long.MaxValue"/> (as the real provider saturates its int).</summary>
    public long Count
    {
        get
        {
            UInt128 total = 0;
            foreach (var range in _ranges)
            {
                var size = range.To - range.From;
                if (size >= (UInt128)long.MaxValue || total + size + 1 >= (UInt128)long.MaxValue)
                {
                    return long.MaxValue;
                }

                total += size + 1;
            }

            return (long)total;
        }
    }

    /// <summary>Adds a range.</summary>
    public void Add(IpRange range)
    {
        var from = range.From;
        var to = range.To;
        var index = 0;
        while (index < _ranges.Count && Before(_ranges[index], range))
        {
            index++;
        }

        // Merge every range that overlaps or touches the new one.
        while (index < _ranges.Count && _ranges[index].IsV6 == range.IsV6 && Touches(_ranges[index], from, to))
        {
            from = UInt128.Min(from, _ranges[index].From);
            to = UInt128.Max(to, _ranges[index].To);
            _ranges.RemoveAt(index);
        }

        _ranges.Insert(index, new IpRange(range.IsV6, from, to));
    }

    /// <summary>Adds every range of another set.</summary>
    public void Add(IpSet other)
    {
        foreach (var range in other.Ranges)
        {
            Add(range);
        }
    }

    /// <summary>Removes a range.</summary>
    public void Remove(IpRange range)
    {
        for (var i = _ranges.Count - 1; i >= 0; i--)
        {
            var existing = _ranges[i];
            if (existing.IsV6 != range.IsV6 || existing.To < range.From || existing.From > range.To)
            {
                continue;
            }

            _ranges.RemoveAt(i);
            if (existing.To > range.To)
            {
                _ranges.Insert(i, new IpRange(existing.IsV6, range.To + 1, existing.To));
            }

            if (existing.From < range.From)
            {
                _ranges.Insert(i, new IpRange(existing.IsV6, existing.From, range.From - 1));
            }
        }
    }

    /// <summary>Removes every range of another set.</summary>
    public void Remove(IpSet other)
    {
        foreach (var range in other.Ranges)
        {
            Remove(range);
        }
    }

    /// <summary>True when the address is in the set.</summary>
    public bool Contains(IpValue value)
    {
        foreach (var range in _ranges)
        {
            if (range.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest address of the set for which <paramref name="isTaken"/> is false, or null.</summary>
    public IpValue? FirstFree(Func<IpValue, bool> isTaken)
    {
        foreach (var range in _ranges)
        {
            var candidate = range.From;
            while (true)
            {
                var value = new IpValue(range.IsV6, candidate);
                if (!isTaken(value))
                {
                    return value;
                }

                if (candidate == range.To)
                {
                    break;
                }

                candidate++;
            }
        }

        return null;
    }

    private static bool Before(IpRange existing, IpRange range) =>
        existing.IsV6 != range.IsV6 ? !existing.IsV6 : existing.To < range.From && range.From - existing.To > 1;

    private static bool Touches(IpRange existing, UInt128 from, UInt128 to) =>
        (existing.From <= to || existing.From - to == 1) && (existing.To >= from || from - existing.To == 1);
}
