using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>
/// Reads and writes KubernetesClient's <see cref="ResourceQuantity"/> (inside the KubernetesClient types that generated
/// models hold with <c>CapiSdkUseKubernetesTypes</c>) so that a value is written back as it was read.
/// <see cref="ResourceQuantity"/> keeps only the amount and writes its canonical form (<c>1000m</c> becomes <c>1</c>,
/// <c>0.5</c> becomes <c>500m</c>, the number <c>2</c> the string <c>"2"</c>), while a custom resource is stored as
/// it was written: this converter remembers, for each instance it read, the original JSON when it differs from the
/// canonical form, and writes that back. A quantity made in code is written in its canonical form, as KubernetesClient
/// writes it.
/// </summary>
public sealed class ResourceQuantityConverter : JsonConverter<ResourceQuantity>
{
    private static readonly ConditionalWeakTable<ResourceQuantity, Original> Originals = new();

    /// <inheritdoc/>
    public override ResourceQuantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                var quantity = Parse(text);
                if (quantity.ToString() != text)
                {
                    Originals.AddOrUpdate(quantity, new Original(text, IsNumber: false));
                }

                return quantity;
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                var number = Parse(raw);
                Originals.AddOrUpdate(number, new Original(raw, IsNumber: true));
                return number;
            default:
                throw new JsonException("A quantity must be a string or a number (for example \"500m\", \"1.5Gi\" or 2), not " + reader.TokenType + ".");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ResourceQuantity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (!Originals.TryGetValue(value, out var original))
        {
            writer.WriteStringValue(value.ToString());
        }
        else if (original.IsNumber)
        {
            writer.WriteRawValue(original.Text);
        }
        else
        {
            writer.WriteStringValue(original.Text);
        }
    }

    private static ResourceQuantity Parse(string text)
    {
        try
        {
            return new ResourceQuantity(text);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            throw new JsonException("'" + text + "' is not a Kubernetes quantity (for example \"500m\", \"1.5Gi\" or 2).", exception);
        }
    }

    private sealed record Original(string Text, bool IsNumber);
}
