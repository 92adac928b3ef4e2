using System.Globalization;
using System.Text.Json;

namespace CapiSdk.Client;

/// <summary>Writes a UTC time as Kubernetes does (used by the RFC 3339 time converters).</summary>
public static class Rfc3339
{
    /// <summary>Writes <paramref name="utc"/> as <c>2024-01-02T03:04:05Z</c>, with fractions only when present.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="utc">A UTC time.</param>
    public static void Write(Utf8JsonWriter writer, DateTime utc)
    {
        Span<char> buffer = stackalloc char[40];
        if (utc.TryFormat(buffer, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer.Slice(0, written));
        }
        else
        {
            writer.WriteStringValue(utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
    }
}
