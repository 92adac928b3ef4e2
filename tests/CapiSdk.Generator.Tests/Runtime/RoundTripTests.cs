using System.Text.Json.Nodes;
using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Runtime;

/// <summary>What users rely on when they read an object from a server and write it back.</summary>
public sealed class RoundTripTests
{
    private const string ServerObject = """
        {
          "apiVersion": "example.com/v1",
          "kind": "Widget",
          "metadata": { "name": "w", "namespace": "default", "resourceVersion": "7", "creationTimestamp": "2024-01-02T03:04:05Z" },
          "spec": {
            "size": 3,
            "color": "ultraviolet",
            "port": "80",
            "createdAt": "2024-01-02T03:04:05Z",
            "labels": { "a": "b" },
            "items": [ { "name": "x", "weight": 0.5, "fromTheFuture": { "deep": [1, 2] } } ],
            "config": { "anything": { "goes": [true, null, "x"] } },
            "template": { "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "cm" }, "data": { "k": "v" } },
            "newerField": 42
          },
          "status": { "ready": true, "conditions": [ { "type": "Ready", "status": "True", "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "Fine" } ] },
          "topLevelAddition": { "x": 1 }
        }
        """;

    [Fact]
    public void Reading_and_writing_back_an_object_from_a_newer_CRD_loses_and_changes_nothing()
    {
        var widget = WidgetAssembly.Read(ServerObject);

        var written = WidgetAssembly.Write(widget);

        Assert.Null(JsonDiff.FirstDifference(JsonNode.Parse(ServerObject), JsonNode.Parse(written)));
    }

    [Fact]
    public void Fields_never_set_are_not_written_so_a_merge_patch_clears_nothing()
    {
        var widget = Activator.CreateInstance(WidgetAssembly.Widget)!;
        var spec = Activator.CreateInstance(WidgetAssembly.Type("Test.Example.V1.WidgetSpec"))!;
        WidgetAssembly.Set(spec, "Size", 4);
        WidgetAssembly.Set(widget, "Spec", spec);

        var written = JsonNode.Parse(WidgetAssembly.Write(widget))!;

        Assert.Equal("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{},"spec":{"size":4}}""", written.ToJsonString());
    }

    [Fact]
    public void KubernetesClients_own_serializer_also_omits_unset_fields_and_keeps_unknown_ones()
    {
        var widget = WidgetAssembly.Read(ServerObject);
        var spec = WidgetAssembly.Get(widget, "Spec")!;
        WidgetAssembly.Set(spec, "Labels", null);

        var written = JsonNode.Parse(k8s.KubernetesJson.Serialize(widget))!;

        Assert.False(written["spec"]!.AsObject().ContainsKey("labels"));
        Assert.Equal(42, written["spec"]!["newerField"]!.GetValue<int>());
        Assert.Equal("2024-01-02T03:04:05Z", written["spec"]!["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public void The_context_writes_what_a_reflection_serializer_writes_from_the_same_model()
    {
        var widget = WidgetAssembly.Read(ServerObject);

        var generated = JsonNode.Parse(WidgetAssembly.Write(widget));
        var reflection = JsonNode.Parse(k8s.KubernetesJson.Serialize(widget));

        Assert.Null(JsonDiff.FirstDifference(reflection, generated));
    }

    [Fact]
    public void A_required_field_missing_on_the_server_object_does_not_fail_reading()
    {
        var widget = WidgetAssembly.Read("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{}}""");

        Assert.Null(WidgetAssembly.Get(WidgetAssembly.Get(widget, "Spec")!, "Size"));
    }

    [Fact]
    public void An_enum_value_the_schema_does_not_list_is_read_kept_and_written_back()
    {
        var color = WidgetAssembly.Get(WidgetAssembly.Get(WidgetAssembly.Read(ServerObject), "Spec")!, "Color")!;

        Assert.Equal("ultraviolet", color.ToString());
        Assert.False((bool)color.GetType().GetProperty("IsKnown")!.GetValue(color)!);
        Assert.Null(color.GetType().GetProperty("Known")!.GetValue(color));
    }

    [Fact]
    public void A_known_enum_value_equals_its_static_member_and_maps_to_the_nested_enum()
    {
        var widget = WidgetAssembly.Read("""{"spec":{"color":"TLS1.2"}}""");
        var color = WidgetAssembly.Get(WidgetAssembly.Get(widget, "Spec")!, "Color")!;
        var colorType = color.GetType();

        Assert.Equal(colorType.GetProperty("TLS12")!.GetValue(null), color);
        Assert.Equal("TLS12", colorType.GetProperty("Known")!.GetValue(color)!.ToString());
    }

    [Theory]
    [InlineData("80", "\"80\"")]
    [InlineData("80", "80")]
    [InlineData("50%", "\"50%\"")]
    public void IntOrString_writes_back_a_number_as_a_number_and_a_string_as_a_string(string text, string json)
    {
        var widget = WidgetAssembly.Read("""{"spec":{"port":""" + json + "}}");

        var written = JsonNode.Parse(WidgetAssembly.Write(widget))!["spec"]!["port"]!;

        Assert.Equal(json, written.ToJsonString());
        Assert.Equal(text, written.ToString());
    }

    [Fact]
    public void Date_times_are_written_in_the_RFC3339_form_Kubernetes_uses()
    {
        var widget = WidgetAssembly.Read("""{"spec":{"createdAt":"2024-01-02T05:04:05+02:00"}}""");

        var written = JsonNode.Parse(WidgetAssembly.Write(widget))!["spec"]!["createdAt"]!.GetValue<string>();

        Assert.Equal("2024-01-02T03:04:05Z", written);
    }

    [Fact]
    public void An_embedded_resource_is_a_KubernetesClient_object_with_typed_metadata()
    {
        var template = WidgetAssembly.Get(WidgetAssembly.Get(WidgetAssembly.Read(ServerObject), "Spec")!, "Template")!;

        var typed = Assert.IsAssignableFrom<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>>(template);
        Assert.Equal("ConfigMap", typed.Kind);
        Assert.Equal("cm", typed.Metadata.Name);
    }

    [Fact]
    public void The_kind_works_with_KubernetesClients_generic_entity_metadata()
    {
        var entity = (k8s.Models.KubernetesEntityAttribute)Attribute.GetCustomAttribute(WidgetAssembly.Widget, typeof(k8s.Models.KubernetesEntityAttribute))!;
        var list = WidgetAssembly.Read("""{"kind":"Widget"}""");

        Assert.Equal(("example.com", "v1", "Widget", "widgets"), (entity.Group, entity.ApiVersion, entity.Kind, entity.PluralName));
        Assert.IsAssignableFrom<k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>>(list);
        Assert.True(typeof(k8s.Models.IItems<>).MakeGenericType(WidgetAssembly.Widget).IsAssignableFrom(WidgetAssembly.Type("Test.Example.V1.WidgetList")));
    }
}
