using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Client;

/// <summary>The same as <see cref="Rfc3339DateTimeOffsetConverter"/>, for <see cref="DateTime"/> (KubernetesClient's metadata times).</summary>
public sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc/>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTimeOffset(out var value)
            ? value.UtcDateTime
            : DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        Rfc3339.Write(writer, value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
}
