using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Client;

/// <summary>
/// Reads and writes KubernetesClient's <see cref="k8s.Models.IntOrString"/> (inside the KubernetesClient types that
/// generated models hold with <c>CapiSdkUseKubernetesTypes</c>) so that a value is written back as it was read.
/// KubernetesClient's own converter writes every string of digits as a number (<c>"80"</c> becomes <c>80</c>), and its
/// <c>IntOrString</c> does not remember which it was: this converter remembers, for each instance it read, a string
/// of digits, and writes it back as a string. Any other value (a number read, or a value made in code) is written as
/// KubernetesClient writes it: digits as a number, anything else as a string.
/// </summary>
public sealed class KubernetesIntOrStringConverter : JsonConverter<k8s.Models.IntOrString>
{
    private static readonly object Marker = new();
    private static readonly ConditionalWeakTable<k8s.Models.IntOrString, object> ReadAsString = new();

    /// <inheritdoc/>
    public override k8s.Models.IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                k8s.Models.IntOrString value = text;
                if (IsNumber(text))
                {
                    ReadAsString.AddOrUpdate(value, Marker);
                }

                return value;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            default:
                throw new JsonException("An int-or-string value must be an integer or a string, not " + reader.TokenType + ".");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, k8s.Models.IntOrString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (!ReadAsString.TryGetValue(value, out _) && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }

    private static bool IsNumber(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
