using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema.Cel;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// Validates objects against a version's openAPIV3Schema as the apiextensions server does: the OpenAPI keywords
/// (with a <see cref="CompiledSchema"/> built once per version), the list-type set/map invariants, then the CEL rules; on update, errors at values unchanged
/// from the old object are ratcheted (dropped, or warnings for CEL). Errors are worded as the real server words them.
/// </summary>
internal sealed class SchemaValidator
{
    private const string NotChecked = "Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";
    private readonly CompiledSchema _root;
    private readonly JsonObject _structural;
    private readonly CelValidator? _cel;
    private readonly bool _hasListTypes;

    private SchemaValidator(CompiledSchema root, JsonObject structural, CelValidator? cel)
    {
        _root = root;
        _structural = structural;
        _cel = cel;
        _hasListTypes = ListTypeValidator.Applies(structural);
    }

    /// <exception cref="FormatException">A CEL rule cannot be compiled; the message names it.</exception>
    public static Task<SchemaValidator> CreateAsync(JsonObject structural, CancellationToken cancellationToken)
    {
        var cel = CelValidator.Create(structural, "openAPIV3Schema");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new SchemaValidator(new CompiledSchema(ValidatedSchema(structural)), structural, cel));
    }

    /// <summary>The schema the OpenAPI keywords are checked against: <paramref name="structural"/> as plain JSON Schema, metadata not required.</summary>
    internal static JsonObject ValidatedSchema(JsonObject structural)
    {
        var converted = SchemaConverter.ToJsonSchema(structural);
        // The real server validates metadata as ObjectMeta, apart from the schema, and an object always has it:
        // a root that lists metadata as required (MachineDrainRule) must not fail because validation leaves metadata out.
        if (converted["required"] is JsonArray required && required.FirstOrDefault(r => (string?)r == "metadata") is { } metadata)
        {
            required.Remove(metadata);
        }
        return converted;
    }

    /// <summary>All errors for <paramref name="obj"/>; <paramref name="old"/> is the stored object on updates (null on create). CEL failures that ratchet go to <paramref name="warnings"/>.</summary>
    public List<FieldError> Validate(JsonObject obj, JsonObject? old, List<string> warnings)
    {
        var errors = SchemaErrors(obj);
        if (old is not null)
        {
            errors.RemoveAll(e => Correlation.Unchanged(_structural, obj, old, e.Reason == "FieldValueRequired" ? Correlation.Parent(e.Field) : e.Field));
        }
        if (_hasListTypes && (old is null || ListTypeValidator.Validate(_structural, old).Count == 0))
        {
            errors.AddRange(ListTypeValidator.Validate(_structural, obj));
        }
        if (_cel is not null)
        {
            if (errors.Exists(e => e.Reason is "FieldValueNotSupported" or "FieldValueRequired" or "FieldValueTooLong" or "FieldValueTooMany" or "FieldValueTypeInvalid"))
            {
                errors.Add(new FieldError("FieldValueInvalid", NotChecked, "<nil>"));
            }
            else
            {
                _cel.Validate(obj, old, errors, warnings);
            }
        }
        return errors;
    }

    /// <summary>The OpenAPI keywords' errors alone (no list-type, CEL or ratcheting), deduplicated.</summary>
    internal List<FieldError> SchemaErrors(JsonObject obj)
    {
        var errors = new List<FieldError>();
        _root.Validate(obj, skip: "metadata", errors);
        return errors.DistinctBy(e => (e.Field, e.Message)).ToList();
    }
}
