using System.Globalization;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>RFC 3339 timestamps at second precision, as metadata uses them.</summary>
internal static class Clock
{
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Now(TimeProvider time) => Format(time.GetUtcNow());
}
