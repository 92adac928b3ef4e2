using System.Text.Json.Nodes;
using CapiSdk.Testing.Apply;

namespace CapiSdk.Testing.Tests.Apply;

public sealed class FieldsV1Tests
{
    [Fact]
    public void Field_set_round_trips_through_FieldsV1()
    {
        const string json = """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:ports":{"k:{\"name\":\"http\"}":{".":{},"f:port":{}}},"f:tags":{"v:\"a\"":{}}}}""";

        var set = FieldsV1.Read(JsonNode.Parse(json)!.AsObject());
        var written = FieldsV1.Write(set);

        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), written.ToJsonString());
        Assert.Equal(4, set.Count);
    }

    [Fact]
    public void Field_set_of_an_object_follows_list_types_from_the_schema()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object"}},
              "args":{"type":"array","items":{"type":"string"}}}}}}
            """)!.AsObject();
        var obj = JsonNode.Parse("""{"spec":{"ports":[{"name":"a","port":1}],"args":["x","y"]}}""")!.AsObject();

        var set = FieldSets.Of(obj, schema, includeStatus: true).Select(FieldPath.Display).Order().ToList();

        Assert.Equal([".spec.args", ".spec.ports[name=\"a\"]", ".spec.ports[name=\"a\"].name", ".spec.ports[name=\"a\"].port"], set);
    }
}
