using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// The shared members of <c>CrdJsonContext</c>, emitted once in its root source: what would otherwise be repeated
/// per type or per property (metadata builders, collection and nullable metadata, fast-path value writers). Per-type
/// code then is one creator, one line per property for its metadata, and one line per property for its writer.
/// </summary>
internal static class JsonContextHelpers
{
    private const string Text = """
        private delegate void ValueWriter<in T>(global::System.Text.Json.Utf8JsonWriter writer, T value);

        /// <summary>Gets, or with <paramref name="set"/> first sets, the reference-typed property at <paramref name="index"/>.</summary>
        private delegate object? Accessor<in TOwner>(TOwner owner, int index, object? value, bool set);

        /// <summary>Starts the metadata of an object type: its properties follow, one call each, then <c>Extra()</c> or <c>Build()</c>.</summary>
        private static PropertyList<T> ObjectInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Func<T> creator, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T?> write, Accessor<T> access)
            where T : class =>
            new(options, creator, write, access);

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
        /// The property metadata of one type, built one line per property: a reference-typed property goes through the
        /// type's accessor with its index (its place in the list), a value-typed one through its own getter and setter.
        /// </summary>
        private sealed class PropertyList<TOwner>(global::System.Text.Json.JsonSerializerOptions options, global::System.Func<TOwner> creator, global::System.Action<global::System.Text.Json.Utf8JsonWriter, TOwner?> write, Accessor<TOwner> access)
            where TOwner : class
        {
            private readonly global::System.Collections.Generic.List<global::System.Text.Json.Serialization.Metadata.JsonPropertyInfo> _properties = new();

            public PropertyList<TOwner> Ref<T>(string name, string? jsonName, bool ignoreWhenNull = true, bool isExtensionData = false)
                where T : class
            {
                var index = _properties.Count;
                return Add<T>(name, jsonName, obj => (T?)access((TOwner)obj, index, null, false), (obj, value) => access((TOwner)obj, index, value, true), ignoreWhenNull, isExtensionData);
            }

            public PropertyList<TOwner> Val<T>(string name, string jsonName, global::System.Func<TOwner, T?> getter, global::System.Action<TOwner, T?> setter, bool ignoreWhenNull = true) =>
                Add<T>(name, jsonName, obj => getter((TOwner)obj), (obj, value) => setter((TOwner)obj, value), ignoreWhenNull, isExtensionData: false);

            public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo Extra() =>
                Ref<global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>>("AdditionalProperties", null, ignoreWhenNull: false, isExtensionData: true).Build();

            public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo Build()
            {
                var properties = _properties.ToArray();
                return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateObjectInfo<TOwner>(options, new global::System.Text.Json.Serialization.Metadata.JsonObjectInfoValues<TOwner>
                {
                    ObjectCreator = creator,
                    PropertyMetadataInitializer = _ => properties,
                    SerializeHandler = write,
                });
            }

            private PropertyList<TOwner> Add<T>(string name, string? jsonName, global::System.Func<object, T?> getter, global::System.Action<object, T?> setter, bool ignoreWhenNull, bool isExtensionData)
            {
                _properties.Add(global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreatePropertyInfo<T>(options, new global::System.Text.Json.Serialization.Metadata.JsonPropertyInfoValues<T>
                {
                    IsProperty = true,
                    IsPublic = true,
                    DeclaringType = typeof(TOwner),
                    Getter = getter,
                    Setter = setter,
                    IgnoreCondition = ignoreWhenNull ? global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull : null,
                    IsExtensionData = isExtensionData,
                    PropertyName = name,
                    JsonPropertyName = jsonName,
                }));
                return this;
            }
        }

        private static bool BeginObject(global::System.Text.Json.Utf8JsonWriter writer, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return false;
            }

            writer.WriteStartObject();
            return true;
        }

        private static void EndObject(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? extra)
        {
            if (extra is not null)
            {
                foreach (var pair in extra)
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteRef<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value, ValueWriter<T> write)
            where T : class
        {
            if (value is not null)
            {
                writer.WritePropertyName(name);
                write(writer, value);
            }
        }

        private static void WriteVal<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value, ValueWriter<T> write)
            where T : struct
        {
            if (value is { } set)
            {
                writer.WritePropertyName(name);
                write(writer, set);
            }
        }

        private static void WriteArray<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IList<T> value, ValueWriter<T> write)
        {
            writer.WriteStartArray();
            for (var i = 0; i < value.Count; i++)
            {
                write(writer, value[i]);
            }

            writer.WriteEndArray();
        }

        private static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IDictionary<string, T> value, ValueWriter<T> write)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                write(writer, pair.Value);
            }

            writer.WriteEndObject();
        }

        private static void WriteOrNull<T>(global::System.Text.Json.Utf8JsonWriter writer, T? value, ValueWriter<T> write)
            where T : class
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, value);
            }
        }

        private static void WriteOrNull<T>(global::System.Text.Json.Utf8JsonWriter writer, T? value, ValueWriter<T> write)
            where T : struct
        {
            if (value is { } set)
            {
                write(writer, set);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        private static void WriteString(global::System.Text.Json.Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

        private static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

        private static void WriteInt32(global::System.Text.Json.Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

        private static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

        private static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

        private static void WriteTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value) => global::ROOT.Rfc3339.Write(writer, value.UtcDateTime);

        private static void WriteTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTime value) => global::ROOT.Rfc3339.Write(writer, value.Kind == global::System.DateTimeKind.Local ? value.ToUniversalTime() : value);

        private static void WriteNode(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.Nodes.JsonNode value) => value.WriteTo(writer);

        private static void WriteElement(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement value) => value.WriteTo(writer);

        private static void WriteIntOrString(global::System.Text.Json.Utf8JsonWriter writer, global::ROOT.IntOrString value)
        {
            if (value.IsString)
            {
                writer.WriteStringValue(value.StringValue);
            }
            else
            {
                writer.WriteNumberValue(value.IntValue!.Value);
            }
        }

        // KubernetesClient's untyped 'object' fields: whatever metadata the context has for the run-time type.
        private static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, object value) =>
            global::System.Text.Json.JsonSerializer.Serialize(writer, value, Default.Options.GetTypeInfo(value.GetType()));
        """;

    /// <summary>The members, with the support types taken from the CapiSdk.Client library.</summary>
    public static void Emit(SourceWriter writer)
    {
        foreach (var line in Text.Replace("global::ROOT.", ClientLibrary.Prefix).Split('\n'))
        {
            writer.Line(line.TrimEnd('\r'));
        }
    }
}
