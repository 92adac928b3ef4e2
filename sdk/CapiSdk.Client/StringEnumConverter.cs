using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiSdk.Client;

/// <summary>
/// Reads and writes a generated extensible enum as a JSON string. A known value comes back as the type's shared
/// instance, so reading one allocates no string.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class StringEnumConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    private static readonly byte[][] s_knownUtf8 = T.KnownValues.Select(v => Encoding.UTF8.GetBytes(v.Value)).ToArray();

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        for (var i = 0; i < s_knownUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(s_knownUtf8[i]))
            {
                return T.KnownValues[i];
            }
        }

        return T.Create(reader.GetString() ?? string.Empty);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
