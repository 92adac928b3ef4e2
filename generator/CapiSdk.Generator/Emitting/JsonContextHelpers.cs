namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The shared members of <c>CrdJsonContext</c>, emitted once in its root source: what would otherwise be repeated
/// per type or per property (metadata builders, collection and nullable metadata). Per-type code then is one creator
/// with one line per property, and one accessor with one line per property.
/// </summary>
internal static class JsonContextHelpers
{
    private const string Text = """
        /// <summary>Gets, or with <paramref name="set"/> first sets, the property at <paramref name="index"/> (boxed when a value type).</summary>
        private delegate object? Accessor<in TOwner>(TOwner owner, int index, object? value, bool set);

        private static object? NoIndex(int index) => throw new global::System.ArgumentOutOfRangeException(nameof(index));

        /// <summary>Starts the metadata of an object type: its properties follow, one call each, then <c>Extra()</c> or <c>Build()</c>.</summary>
        private static PropertyList<T> ObjectInfo<T>(global::System.Text.Json.JsonSerializerOptions options, Accessor<T> access)
            where T : class, new() =>
            new(options, access);

        private static void L<T>(global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>> factories) =>
            factories.TryAdd(typeof(global::System.Collections.Generic.IList<T>), ListInfo<T>);

        private static void M<T>(global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>> factories) =>
            factories.TryAdd(typeof(global::System.Collections.Generic.IDictionary<string, T>), MapInfo<T>);

        private static void N<T>(global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>> factories)
            where T : struct =>
            factories.TryAdd(typeof(T?), NullableInfo<T>);

        private static void V<T, TConverter>(global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>> factories)
            where TConverter : global::System.Text.Json.Serialization.JsonConverter<T>, new() =>
            factories.TryAdd(typeof(T), static options => ValueInfo(options, new TConverter()));

        private static void E<T>(global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>> factories)
            where T : struct, global::CapiSdk.Client.IStringEnum<T> =>
            factories.TryAdd(typeof(T), static options => ValueInfo(options, new global::CapiSdk.Client.StringEnumConverter<T>()));

        private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo ValueInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.JsonConverter<T> converter) =>
            global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, converter);

        private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo NullableInfo<T>(global::System.Text.Json.JsonSerializerOptions options)
            where T : struct =>
            global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T?>(options, global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.GetNullableConverter<T>(options));

        private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo ListInfo<T>(global::System.Text.Json.JsonSerializerOptions options) =>
            global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateIListInfo<global::System.Collections.Generic.IList<T>, T>(options, new global::System.Text.Json.Serialization.Metadata.JsonCollectionInfoValues<global::System.Collections.Generic.IList<T>>
            {
                ObjectCreator = static () => new global::System.Collections.Generic.List<T>(),
            });

        private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo MapInfo<T>(global::System.Text.Json.JsonSerializerOptions options) =>
            global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateIDictionaryInfo<global::System.Collections.Generic.IDictionary<string, T>, string, T>(options, new global::System.Text.Json.Serialization.Metadata.JsonCollectionInfoValues<global::System.Collections.Generic.IDictionary<string, T>>
            {
                ObjectCreator = static () => new global::System.Collections.Generic.Dictionary<string, T>(),
            });

        /// <summary>
        /// The property metadata of one type, built one line per property: every property goes through the type's
        /// accessor with its index (its place in the list), so no type has a getter or setter method per property.
        /// </summary>
        private sealed class PropertyList<TOwner>(global::System.Text.Json.JsonSerializerOptions options, Accessor<TOwner> access)
            where TOwner : class, new()
        {
            private readonly global::System.Collections.Generic.List<global::System.Text.Json.Serialization.Metadata.JsonPropertyInfo> _properties = new();

            /// <summary>
            /// A property named <paramref name="jsonName"/> in JSON and, unless <paramref name="name"/> says otherwise,
            /// <paramref name="jsonName"/> with its first letter upper-cased in C#.
            /// </summary>
            public PropertyList<TOwner> P<T>(string jsonName, bool ignoreWhenNull = true, string? name = null) =>
                Add<T>(name ?? char.ToUpperInvariant(jsonName[0]) + jsonName.Substring(1), jsonName, ignoreWhenNull, isExtensionData: false);

            public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo Extra() =>
                Add<global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>>("AdditionalProperties", null, ignoreWhenNull: false, isExtensionData: true).Build();

            public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo Build()
            {
                var properties = _properties.ToArray();
                return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateObjectInfo<TOwner>(options, new global::System.Text.Json.Serialization.Metadata.JsonObjectInfoValues<TOwner>
                {
                    ObjectCreator = static () => new TOwner(),
                    PropertyMetadataInitializer = _ => properties,
                });
            }

            private PropertyList<TOwner> Add<T>(string name, string? jsonName, bool ignoreWhenNull, bool isExtensionData)
            {
                var index = _properties.Count;
                _properties.Add(global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreatePropertyInfo<T>(options, new global::System.Text.Json.Serialization.Metadata.JsonPropertyInfoValues<T>
                {
                    IsProperty = true,
                    IsPublic = true,
                    DeclaringType = typeof(TOwner),
                    Getter = obj => (T?)access((TOwner)obj, index, null, false),
                    Setter = (obj, value) => access((TOwner)obj, index, value, true),
                    IgnoreCondition = ignoreWhenNull ? global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull : null,
                    IsExtensionData = isExtensionData,
                    PropertyName = name,
                    JsonPropertyName = jsonName,
                }));
                return this;
            }
        }
        """;

    /// <summary>The members.</summary>
    public static void Emit(SourceWriter writer)
    {
        foreach (var line in Text.Split('\n'))
        {
            writer.Line(line.TrimEnd('\r'));
        }
    }
}
