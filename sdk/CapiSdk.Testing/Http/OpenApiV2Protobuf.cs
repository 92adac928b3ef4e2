using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Http;

/// <summary>
/// Encodes the OpenAPI v2 JSON document as the gnostic <c>openapi.v2.Document</c> protobuf
/// (openapiv2/OpenAPIv2.proto), the form client-go's OpenAPISchema asks for and <c>kubectl explain
/// --output=plaintext-openapiv2</c> reads: swagger, info and definitions, each Schema with $ref, format, title,
/// description, required, enum, additionalProperties, type, items, allOf, properties and x- vendor extensions
/// (values as YAML, for which JSON text serves).
/// </summary>
internal static class OpenApiV2Protobuf
{
    // kube-openapi handler.go answers the protobuf form with this content type (the "@" form is only accepted).
    public const string MediaType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    public static byte[] Encode(JsonObject document)
    {
        var doc = new Message();
        doc.String(1, (string?)document["swagger"]);
        if (document["info"] is JsonObject info)
        {
            var i = new Message();
            i.String(1, (string?)info["title"]);
            i.String(2, (string?)info["version"]);
            doc.Bytes(2, i.ToArray());
        }
        var definitions = new Message();
        foreach (var (name, schema) in document["definitions"] as JsonObject ?? [])
        {
            definitions.Bytes(1, Named(name, Schema(schema as JsonObject ?? [])));
        }
        doc.Bytes(9, definitions.ToArray());
        return doc.ToArray();
    }

    private static byte[] Schema(JsonObject s)
    {
        var m = new Message();
        m.String(1, (string?)s["$ref"]);
        m.String(2, (string?)s["format"]);
        m.String(3, (string?)s["title"]);
        m.String(4, (string?)s["description"]);
        foreach (var r in s["required"] as JsonArray ?? [])
        {
            m.String(19, (string?)r);
        }
        foreach (var e in s["enum"] as JsonArray ?? [])
        {
            m.Bytes(20, Any(e));
        }
        switch (s["additionalProperties"])
        {
            case JsonObject ap:
                m.Bytes(21, new Message().Bytes(1, Schema(ap)).ToArray());
                break;
            case JsonValue b when b.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                m.Bytes(21, new Message().Varint(2, b.GetValue<bool>() ? 1UL : 0UL).ToArray());
                break;
        }
        if ((string?)s["type"] is { } type)
        {
            m.Bytes(22, new Message().String(1, type).ToArray());
        }
        if (s["items"] is JsonObject items)
        {
            m.Bytes(23, new Message().Bytes(1, Schema(items)).ToArray());
        }
        foreach (var a in (s["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            m.Bytes(24, Schema(a));
        }
        if (s["properties"] is JsonObject properties)
        {
            var p = new Message();
            foreach (var (name, child) in properties)
            {
                p.Bytes(1, Named(name, Schema(child as JsonObject ?? [])));
            }
            m.Bytes(25, p.ToArray());
        }
        foreach (var (name, value) in s.Where(kv => kv.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            m.Bytes(31, new Message().String(1, name).Bytes(2, Any(value)).ToArray());
        }
        return m.ToArray();
    }

    private static byte[] Named(string name, byte[] value) => new Message().String(1, name).Bytes(2, value).ToArray();

    private static byte[] Any(JsonNode? value) => new Message().String(2, value?.ToJsonString() ?? "null").ToArray();

    /// <summary>A protobuf message being written: tagged varints and length-delimited fields.</summary>
    private sealed class Message
    {
        private readonly MemoryStream _buffer = new();

        public Message String(int field, string? value) => value is null ? this : Bytes(field, Encoding.UTF8.GetBytes(value));

        public Message Bytes(int field, byte[] value)
        {
            WriteVarint(((ulong)field << 3) | 2);
            WriteVarint((ulong)value.Length);
            _buffer.Write(value);
            return this;
        }

        public Message Varint(int field, ulong value)
        {
            WriteVarint((ulong)field << 3);
            WriteVarint(value);
            return this;
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.WriteByte((byte)value);
        }
    }
}
