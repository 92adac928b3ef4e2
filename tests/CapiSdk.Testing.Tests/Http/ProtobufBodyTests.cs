using System.Text;
using CapiSdk.Testing.Http;

namespace CapiSdk.Testing.Tests.Http;

public sealed class ProtobufBodyTests
{
    private static byte[] Field(int number, byte[] value) => [(byte)((number << 3) | 2), (byte)value.Length, .. value];

    private static byte[] Field(int number, string value) => Field(number, Encoding.UTF8.GetBytes(value));

    [Fact]
    public void Namespace_envelope_as_kubectl_create_namespace_sends_it_is_decoded()
    {
        var meta = Field(1, "team-a").Concat(Field(11, Field(1, "tier").Concat(Field(2, "web")).ToArray())).ToArray();
        var ns = Field(1, meta);
        var typeMeta = Field(1, "v1").Concat(Field(2, "Namespace")).ToArray();
        byte[] body = [.. "k8s\0"u8.ToArray(), .. Field(1, typeMeta), .. Field(2, ns)];

        var obj = ProtobufBody.Decode(body);

        Assert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a","labels":{"tier":"web"}}}""", obj.ToJsonString());
    }

    [Fact]
    public void Other_kinds_are_refused_with_415()
    {
        var typeMeta = Field(1, "v1").Concat(Field(2, "Pod")).ToArray();
        byte[] body = [.. "k8s\0"u8.ToArray(), .. Field(1, typeMeta), .. Field(2, Field(1, Field(1, "cm")))];

        Assert.Equal(415, Assert.Throws<ApiException>(() => ProtobufBody.Decode(body)).Code);
    }
}
