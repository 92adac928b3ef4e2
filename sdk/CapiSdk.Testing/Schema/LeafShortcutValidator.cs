using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// NJsonSchema's validator with one shortcut: a scalar of the one type its schema allows, where that schema has no
/// other keyword NJsonSchema checks (pattern, format, lengths, bounds, enum, combinators, properties), has no errors,
/// so it is answered without NJsonSchema's per-node work (a type dictionary, boxed enum values, a property set).
/// Every other node is validated by NJsonSchema as before. Most nodes of an object are such scalars. Thread-safe.
/// </summary>
internal sealed class LeafShortcutValidator : JsonSchemaValidator
{
    // Per schema node, weakly: a schema the cache drops (SchemaCache) is not kept alive here.
    private readonly ConditionalWeakTable<JsonSchema, StrongBox<JsonObjectType>> _leaves = new();

    public LeafShortcutValidator()
        : base(new JsonSchemaValidatorSettings())
    {
    }

    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var leaf = _leaves.GetValue(schema, static s => new StrongBox<JsonObjectType>(PlainLeafType(s))).Value;
        var matches = leaf switch
        {
            JsonObjectType.String => token.Type == JTokenType.String,
            JsonObjectType.Integer => token.Type == JTokenType.Integer,
            JsonObjectType.Number => token.Type is JTokenType.Integer or JTokenType.Float,
            JsonObjectType.Boolean => token.Type == JTokenType.Boolean,
            _ => false,
        };
        return matches ? new List<ValidationError>() : base.Validate(token, schema, schemaType, propertyName, propertyPath);
    }

    /// <summary>The schema's single scalar type when nothing but that type is checked; <see cref="JsonObjectType.None"/> otherwise.</summary>
    private static JsonObjectType PlainLeafType(JsonSchema s) =>
        !s.HasReference
        && s.Type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.Boolean
        && string.IsNullOrEmpty(s.Pattern) && string.IsNullOrEmpty(s.Format)
        && s.MinLength is null && s.MaxLength is null
        && s.Minimum is null && s.Maximum is null && s.ExclusiveMinimum is null && s.ExclusiveMaximum is null && s.MultipleOf is null
        && s.Enumeration.Count == 0 && s.AnyOf.Count == 0 && s.AllOf.Count == 0 && s.OneOf.Count == 0 && s.Not is null
        && s.Properties.Count == 0 && s.RequiredProperties.Count == 0 && s.PatternProperties.Count == 0
        && s.Item is null && s.Items.Count == 0 && s.AdditionalPropertiesSchema is null
            ? s.Type
            : JsonObjectType.None;
}
