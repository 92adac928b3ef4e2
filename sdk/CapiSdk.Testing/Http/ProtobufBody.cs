using System.Text;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Http;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (<c>k8s\0</c> + runtime.Unknown) for the one case kubectl sends it to
/// this server: <c>kubectl create namespace</c>, <c>create secret</c>, <c>create configmap</c> and <c>create
/// serviceaccount</c>. Reads ObjectMeta's name, generateName, namespace, labels, annotations and finalizers, the
/// Namespace's spec.finalizers, Secret and ConfigMap data, type and immutable; any other kind answers 415.
/// </summary>
internal static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    public static JsonObject Decode(byte[] data)
    {
        if (data.Length < 4 || data[0] != (byte)'k' || data[1] != (byte)'8' || data[2] != (byte)'s' || data[3] != 0)
        {
            throw Unsupported();
        }
        var unknown = Fields(data.AsMemory(4));
        var typeMeta = Fields(Bytes(unknown, 1));
        var apiVersion = Text(typeMeta, 1);
        var kind = Text(typeMeta, 2);
        if (apiVersion != "v1" || kind is not ("Namespace" or "Secret" or "ConfigMap" or "ServiceAccount"))
        {
            throw Unsupported();
        }
        var raw = Fields(Bytes(unknown, 2));
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = ObjectMeta(Fields(Bytes(raw, 1))) };
        switch (kind)
        {
            case "Namespace":
                var specFinalizers = Fields(Bytes(raw, 2)).Where(f => f.Number == 1).Select(f => (JsonNode?)JsonValue.Create(Encoding.UTF8.GetString(f.Value.Span))).ToArray();
                if (specFinalizers.Length > 0)
                {
                    obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray(specFinalizers) };
                }
                break;
            case "Secret":
                // core/v1 generated.proto Secret: data 2 (map<string, bytes>), type 3, stringData 4, immutable 5.
                AddMap(obj, "data", raw, 2, binary: true);
                AddMap(obj, "stringData", raw, 4, binary: false);
                if (Text(raw, 3) is { Length: > 0 } type)
                {
                    obj["type"] = type;
                }
                AddBool(obj, "immutable", raw, 5);
                break;
            case "ConfigMap":
                // ConfigMap: data 2 (map<string, string>), binaryData 3 (map<string, bytes>), immutable 4.
                AddMap(obj, "data", raw, 2, binary: false);
                AddMap(obj, "binaryData", raw, 3, binary: true);
                AddBool(obj, "immutable", raw, 4);
                break;
        }
        return obj;
    }

    private static void AddMap(JsonObject obj, string field, List<(int Number, ReadOnlyMemory<byte> Value)> fields, int number, bool binary)
    {
        var map = new JsonObject();
        foreach (var entry in fields.Where(f => f.Number == number))
        {
            var kv = Fields(entry.Value);
            var value = Bytes(kv, 2);
            map[Text(kv, 1) ?? ""] = binary ? Convert.ToBase64String(value.Span) : Encoding.UTF8.GetString(value.Span);
        }
        if (map.Count > 0)
        {
            obj[field] = map;
        }
    }

    private static void AddBool(JsonObject obj, string field, List<(int Number, ReadOnlyMemory<byte> Value)> fields, int number)
    {
        if (fields.LastOrDefault(f => f.Number == number) is { Value.Length: > 0 } entry)
        {
            var i = 0;
            obj[field] = ReadVarint(entry.Value.Span, ref i) != 0;
        }
    }

    private static ApiException Unsupported() => new(415, "UnsupportedMediaType",
        $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml ({MediaType} is understood only for core/v1 Namespace, Secret, ConfigMap and ServiceAccount)");

    private static JsonObject ObjectMeta(List<(int Number, ReadOnlyMemory<byte> Value)> fields)
    {
        var meta = new JsonObject();
        foreach (var (number, key) in new[] { (1, "name"), (2, "generateName"), (3, "namespace") })
        {
            if (Text(fields, number) is { Length: > 0 } value)
            {
                meta[key] = value;
            }
        }
        foreach (var (number, key) in new[] { (11, "labels"), (12, "annotations") })
        {
            var map = new JsonObject();
            foreach (var entry in fields.Where(f => f.Number == number))
            {
                var kv = Fields(entry.Value);
                map[Text(kv, 1) ?? ""] = Text(kv, 2) ?? "";
            }
            if (map.Count > 0)
            {
                meta[key] = map;
            }
        }
        var finalizers = fields.Where(f => f.Number == 14).Select(f => (JsonNode?)JsonValue.Create(Encoding.UTF8.GetString(f.Value.Span))).ToArray();
        if (finalizers.Length > 0)
        {
            meta["finalizers"] = new JsonArray(finalizers);
        }
        return meta;
    }

    private static ReadOnlyMemory<byte> Bytes(List<(int Number, ReadOnlyMemory<byte> Value)> fields, int number) =>
        fields.FirstOrDefault(f => f.Number == number).Value;

    private static string? Text(List<(int Number, ReadOnlyMemory<byte> Value)> fields, int number) =>
        fields.Any(f => f.Number == number) ? Encoding.UTF8.GetString(Bytes(fields, number).Span) : null;

    /// <summary>The length-delimited and varint fields of a message (a varint's value is its raw bytes; fixed fields are skipped).</summary>
    private static List<(int Number, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var result = new List<(int, ReadOnlyMemory<byte>)>();
        var span = message.Span;
        var i = 0;
        while (i < span.Length)
        {
            var key = ReadVarint(span, ref i);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    var start = i;
                    ReadVarint(span, ref i);
                    result.Add((number, message.Slice(start, i - start)));
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref i);
                    if (length < 0 || i + length > span.Length)
                    {
                        throw ApiException.BadRequest("malformed protobuf body");
                    }
                    result.Add((number, message.Slice(i, length)));
                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    throw ApiException.BadRequest("malformed protobuf body");
            }
        }
        return result;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (i >= span.Length)
            {
                throw ApiException.BadRequest("malformed protobuf body");
            }
            var b = span[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw ApiException.BadRequest("malformed protobuf body");
    }
}
