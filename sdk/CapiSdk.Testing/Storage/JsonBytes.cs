using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Storage;

/// <summary>
/// A node as UTF-8 JSON, the same bytes as <c>Encoding.UTF8.GetBytes(node.ToJsonString())</c> (the same writer and
/// encoder) without the string in between: written into a buffer each thread keeps, copied out once.
/// </summary>
internal static class JsonBytes
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Of(JsonNode node)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        node.WriteTo(writer);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1024 * 1024)
        {
            // One huge object (a CRD, a list) must not pin a megabyte per thread for the rest of the process.
            t_buffer = null;
            t_writer = null;
        }
        return bytes;
    }
}
