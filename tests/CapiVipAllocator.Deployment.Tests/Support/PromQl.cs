using System.Text.RegularExpressions;

namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>Just enough PromQL reading to find the metric names an expression uses.</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "sum", "max", "min", "avg", "count", "rate", "increase", "by", "without", "and", "or", "unless", "vector",
        "absent", "histogram_quantile", "on", "ignoring", "group_left", "group_right", "bool", "offset",
    };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var withoutSelectors = Grouping().Replace(Selector().Replace(Duration().Replace(expression, ""), ""), "");
        return Identifier().Matches(withoutSelectors).Select(m => m.Value)
            .Where(n => !Keywords.Contains(n) && n.Contains('_', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Selector();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
