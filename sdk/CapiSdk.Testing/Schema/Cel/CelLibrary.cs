using System.Globalization;
using Cel;

namespace CapiSdk.Testing.Schema.Cel;

/// <summary>
/// The part of the Kubernetes CEL libraries (cel-go's strings extension and Kubernetes' list library) that the CEL
/// package does not have built in, registered on an environment; and the names every rule may call.
/// </summary>
internal static class CelLibrary
{
    /// <summary>Functions and macros the CEL package evaluates itself.</summary>
    private static readonly string[] BuiltIn =
    [
        "has", "all", "exists", "exists_one", "map", "filter", "size", "int", "uint", "double", "string", "bytes", "bool",
        "type", "dyn", "duration", "timestamp", "matches", "startsWith", "endsWith", "contains",
        "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes",
        "getSeconds", "getMilliseconds",
    ];

    private static readonly string[] Registered =
    [
        "lowerAscii", "upperAscii", "trim", "replace", "split", "substring", "join", "charAt", "indexOf", "lastIndexOf",
        "isSorted", "sum", "min", "max", "hasValue", "value", "orValue",
    ];

    public static IReadOnlySet<string> Names { get; } = BuiltIn.Concat(Registered).ToHashSet(StringComparer.Ordinal);

    public static void Register(CelEnvironment env)
    {
        Type[] s = [typeof(string)];
        Type[] ss = [typeof(string), typeof(string)];
        Type[] list = [typeof(object[])];
        env.RegisterFunction("lowerAscii", s, a => Str(a[0]).ToLowerInvariant());
        env.RegisterFunction("upperAscii", s, a => Str(a[0]).ToUpperInvariant());
        env.RegisterFunction("trim", s, a => Str(a[0]).Trim());
        env.RegisterFunction("replace", [typeof(string), typeof(string), typeof(string)], a => Str(a[0]).Replace(Str(a[1]), Str(a[2]), StringComparison.Ordinal));
        env.RegisterFunction("split", ss, a => Str(a[0]).Split(Str(a[1])).Cast<object?>().ToArray());
        env.RegisterFunction("substring", [typeof(string), typeof(long)], a => Str(a[0])[(int)(long)a[1]!..]);
        env.RegisterFunction("substring", [typeof(string), typeof(long), typeof(long)], a => Str(a[0])[(int)(long)a[1]!..(int)(long)a[2]!]);
        env.RegisterFunction("charAt", [typeof(string), typeof(long)], a => Str(a[0]) is var t && (int)(long)a[1]! < t.Length ? t[(int)(long)a[1]!].ToString() : "");
        env.RegisterFunction("indexOf", ss, a => (long)Str(a[0]).IndexOf(Str(a[1]), StringComparison.Ordinal));
        env.RegisterFunction("lastIndexOf", ss, a => (long)Str(a[0]).LastIndexOf(Str(a[1]), StringComparison.Ordinal));
        env.RegisterFunction("indexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindIndex(List(a[0]), x => Equals(x, a[1])));
        env.RegisterFunction("lastIndexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindLastIndex(List(a[0]), x => Equals(x, a[1])));
        env.RegisterFunction("join", list, a => string.Concat(List(a[0]).Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))));
        env.RegisterFunction("join", [typeof(object[]), typeof(string)], a => string.Join(Str(a[1]), List(a[0]).Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))));
        env.RegisterFunction("isSorted", list, a => List(a[0]).Zip(List(a[0]).Skip(1)).All(p => Compare(p.First, p.Second) <= 0));
        env.RegisterFunction("sum", list, a => List(a[0]).Aggregate((object?)0L, (acc, x) => acc is long l && x is long r ? l + r : Convert.ToDouble(acc, CultureInfo.InvariantCulture) + Convert.ToDouble(x, CultureInfo.InvariantCulture)));
        env.RegisterFunction("min", list, a => List(a[0]).Order(Comparer<object?>.Create(Compare)).FirstOrDefault() ?? throw new InvalidOperationException("min called on empty list"));
        env.RegisterFunction("max", list, a => List(a[0]).Order(Comparer<object?>.Create(Compare)).LastOrDefault() ?? throw new InvalidOperationException("max called on empty list"));
        env.RegisterFunction("hasValue", [typeof(CelOptional)], a => ((CelOptional)a[0]!).HasValue);
        env.RegisterFunction("value", [typeof(CelOptional)], a => ((CelOptional)a[0]!) is { HasValue: true } o ? o.Value : throw new InvalidOperationException("optional.none() dereference"));
        env.RegisterFunction("orValue", [typeof(CelOptional), typeof(object)], a => ((CelOptional)a[0]!) is { HasValue: true } o ? o.Value : a[1]);
    }

    private static string Str(object? o) => o as string ?? throw new InvalidOperationException("no such overload");

    private static object?[] List(object? o) => o as object?[] ?? throw new InvalidOperationException("no such overload");

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (long x, long y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
    };
}
