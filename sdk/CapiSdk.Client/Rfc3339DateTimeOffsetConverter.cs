using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Client;

/// <summary>
/// Reads RFC 3339 date-times and writes them as Kubernetes does (<c>2024-01-02T03:04:05Z</c>, UTC, fractions
/// only when present), without allocating strings.
/// </summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTimeOffset(out var value)
            ? value
            : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        Rfc3339.Write(writer, value.UtcDateTime);
}
