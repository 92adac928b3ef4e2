using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Client;

/// <summary>
/// A value that is an integer or a string (<c>x-kubernetes-int-or-string</c>), such as a port or a
/// percentage. It remembers which it was, so it is written back exactly as it was read.
/// </summary>
[JsonConverter(typeof(IntOrString.JsonConverter))]
public readonly partial struct IntOrString : IEquatable<IntOrString>
{
    private readonly string? _string;
    private readonly long _integer;

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The number.</param>
    public IntOrString(long value)
    {
        _integer = value;
        _string = null;
    }

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string, for example <c>50%</c>.</param>
    public IntOrString(string value)
    {
        _string = value ?? throw new ArgumentNullException(nameof(value));
        _integer = 0;
    }

    /// <summary>True when the value is a string.</summary>
    public bool IsString => _string is not null;

    /// <summary>The integer, or null when the value is a string.</summary>
    public long? IntValue => _string is null ? _integer : null;

    /// <summary>The string, or null when the value is an integer.</summary>
    public string? StringValue => _string;

    /// <summary>Converts an integer.</summary>
    public static implicit operator IntOrString(int value) => new(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator IntOrString(long value) => new(value);

    /// <summary>Converts a string.</summary>
    public static implicit operator IntOrString(string value) => new(value);

    /// <summary>Converts to KubernetesClient's type.</summary>
    public static implicit operator k8s.Models.IntOrString(IntOrString value) => value.ToString();

    /// <summary>Converts from KubernetesClient's type, which does not keep the kind: digits become an integer.</summary>
    public static implicit operator IntOrString(k8s.Models.IntOrString value) =>
        long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? new(number)
            : new(value.Value ?? string.Empty);

    /// <summary>Compares kind and value.</summary>
    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    /// <summary>Compares kind and value.</summary>
    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(IntOrString other) => _string is null ? other._string is null && _integer == other._integer : string.Equals(_string, other._string, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _string is null ? _integer.GetHashCode() : StringComparer.Ordinal.GetHashCode(_string);

    /// <inheritdoc/>
    public override string ToString() => _string ?? _integer.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a JSON number or string, and writes it back the same way.</summary>
    public sealed class JsonConverter : JsonConverter<IntOrString>
    {
        /// <inheritdoc/>
        public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.Number => new(reader.GetInt64()),
                JsonTokenType.String => new(reader.GetString() ?? string.Empty),
                _ => throw new JsonException("Expected an integer or a string for an int-or-string value, found " + reader.TokenType + "."),
            };

        /// <inheritdoc/>
        public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
        {
            if (value.IsString)
            {
                writer.WriteStringValue(value._string);
            }
            else
            {
                writer.WriteNumberValue(value._integer);
            }
        }
    }
}
