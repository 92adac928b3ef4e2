using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CapiSdk.Generator.Tests.Infrastructure;

namespace CapiSdk.Generator.Tests.Runtime;

/// <summary>The widgets fixture generated, compiled and loaded once, with helpers to read and write its objects.</summary>
internal static class WidgetAssembly
{
    private static readonly Lazy<Assembly> Loaded = new(() => GeneratorHarness.Run(File.ReadAllText(Path.Combine("Fixtures", "widgets.yaml"))).Load());

    public static Assembly Assembly => Loaded.Value;

    public static Type Widget => Type("Test.Example.V1.Widget");

    public static JsonSerializerContext Context =>
        (JsonSerializerContext)Assembly.GetType("Test.CrdJsonContext")!.GetProperty("Default")!.GetValue(null)!;

    public static Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    public static object Read(string json) => JsonSerializer.Deserialize(json, TypeInfo(Widget))!;

    public static string Write(object widget) => JsonSerializer.Serialize(widget, TypeInfo(widget.GetType()));

    public static JsonTypeInfo TypeInfo(Type type) => Context.GetTypeInfo(type) ?? throw new InvalidOperationException("No metadata for " + type);

    public static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    public static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);
}
