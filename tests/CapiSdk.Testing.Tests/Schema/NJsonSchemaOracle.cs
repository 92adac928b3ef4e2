using System.Globalization;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>
/// The earlier OpenAPI-keyword path, kept as the oracle the compiled validator is checked against: the object copied to
/// a JSON.NET token, validated by NJsonSchema against the converted schema, its errors worded as the real server words them.
/// </summary>
internal sealed class NJsonSchemaOracle
{
    private readonly JsonSchema _schema;

    private NJsonSchemaOracle(JsonSchema schema) => _schema = schema;

    public static async Task<NJsonSchemaOracle> CreateAsync(JsonObject structural, CancellationToken cancellationToken) =>
        new(await JsonSchema.FromJsonAsync(SchemaValidator.ValidatedSchema(structural).ToJsonString(), cancellationToken));

    public List<FieldError> Errors(JsonObject obj)
    {
        var token = JTokenConverter.ToJObject(obj, skip: "metadata");
        var errors = new List<FieldError>();
        foreach (var e in new JsonSchemaValidator(new JsonSchemaValidatorSettings()).Validate(token, _schema.ActualSchema))
        {
            Collect(e, errors);
        }
        return errors.DistinctBy(e => (e.Field, e.Message)).ToList();
    }

    private static void Collect(ValidationError e, List<FieldError> errors)
    {
        var field = FieldPath(e);
        var value = e.Token is null ? "null" : e.Token.ToString(Newtonsoft.Json.Formatting.None);
        var s = e.Schema;
        FieldError? error = e.Kind switch
        {
            ValidationErrorKind.PropertyRequired => new("FieldValueRequired", "Required value", field),
            ValidationErrorKind.NotInEnumeration => new("FieldValueNotSupported",
                $"Unsupported value: {value}: supported values: {string.Join(", ", s?.Enumeration.Select(x => x is string str ? $"\"{str}\"" : Convert.ToString(x, CultureInfo.InvariantCulture)) ?? [])}", field),
            ValidationErrorKind.NumberTooBig => new("FieldValueInvalid", $"Invalid value: {value}: {field} in body should be less than or equal to {s?.Maximum}", field),
            ValidationErrorKind.NumberTooSmall => new("FieldValueInvalid", $"Invalid value: {value}: {field} in body should be greater than or equal to {s?.Minimum}", field),
            ValidationErrorKind.StringTooShort => new("FieldValueInvalid", $"Invalid value: {value}: {field} in body should be at least {s?.MinLength} chars long", field),
            ValidationErrorKind.StringTooLong => new("FieldValueTooLong", $"Too long: may not be more than {s?.MaxLength} bytes", field),
            ValidationErrorKind.PatternMismatch => new("FieldValueInvalid", $"Invalid value: {value}: {field} in body should match '{s?.Pattern}'", field),
            ValidationErrorKind.TooManyItems => new("FieldValueTooMany", $"Too many: {CountOf(e)}: must have at most {s?.MaxItems} items", field),
            ValidationErrorKind.TooFewItems => new("FieldValueInvalid", $"Invalid value: {CountOf(e)}: {field} in body should have at least {s?.MinItems} items", field),
            ValidationErrorKind.TooManyProperties or ValidationErrorKind.TooFewProperties => new("FieldValueInvalid", $"Invalid value: {value}: {field} has an invalid number of properties", field),
            ValidationErrorKind.ItemsNotUnique => new("FieldValueDuplicate", $"Duplicate value: {value}", field),
            ValidationErrorKind.StringExpected => TypeError("string"),
            ValidationErrorKind.IntegerExpected => TypeError("integer"),
            ValidationErrorKind.NumberExpected => TypeError("number"),
            ValidationErrorKind.BooleanExpected => TypeError("boolean"),
            ValidationErrorKind.ObjectExpected => TypeError("object"),
            ValidationErrorKind.ArrayExpected => TypeError("array"),
            ValidationErrorKind.NullExpected => TypeError("null"),
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAllOf when e is ChildSchemaValidationError c && IsIntOrString(s)
                => TypeError("integer or string"),
            ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected or ValidationErrorKind.EmailExpected or ValidationErrorKind.HostnameExpected
                or ValidationErrorKind.IpV4Expected or ValidationErrorKind.IpV6Expected or ValidationErrorKind.UriExpected or ValidationErrorKind.GuidExpected
                or ValidationErrorKind.Base64Expected or ValidationErrorKind.TimeExpected or ValidationErrorKind.UuidExpected
                => new("FieldValueInvalid", $"Invalid value: {value}: {field} in body must be of type {s?.Format}: {value}", field),
            _ => null,
        };
        if (error is not null)
        {
            errors.Add(error);
            return;
        }
        if (e is ChildSchemaValidationError child)
        {
            var inner = new List<FieldError>();
            foreach (var list in child.Errors.Values)
            {
                foreach (var ce in list)
                {
                    Collect(ce, inner);
                }
            }
            errors.AddRange(inner.Count > 0 ? inner : [new FieldError("FieldValueInvalid", $"Invalid value: {value}: {field} in body is invalid", field)]);
            return;
        }
        errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: {value}: {e.Kind}", field));

        FieldError TypeError(string type) => new("FieldValueTypeInvalid", $"Invalid value: \"{TokenType(e)}\": {field} in body must be of type {type}: \"{TokenType(e)}\"", field);
    }

    private static bool IsIntOrString(JsonSchema? s) => s?.AnyOf.Count == 2;

    private static string TokenType(ValidationError e) => e.Token?.Type switch
    {
        Newtonsoft.Json.Linq.JTokenType.String => "string",
        Newtonsoft.Json.Linq.JTokenType.Integer => "integer",
        Newtonsoft.Json.Linq.JTokenType.Float => "number",
        Newtonsoft.Json.Linq.JTokenType.Boolean => "boolean",
        Newtonsoft.Json.Linq.JTokenType.Object => "object",
        Newtonsoft.Json.Linq.JTokenType.Array => "array",
        _ => "null",
    };

    private static int CountOf(ValidationError e) => e.Token is Newtonsoft.Json.Linq.JArray a ? a.Count : 0;

    private static string FieldPath(ValidationError e)
    {
        var path = e.Path ?? "";
        if (path.StartsWith('#'))
        {
            path = path[1..];
        }
        path = path.TrimStart('/');
        if (e.Kind == ValidationErrorKind.PropertyRequired && e.Property is { } prop && !path.EndsWith(prop, StringComparison.Ordinal))
        {
            path = path.Length == 0 ? prop : path + "." + prop;
        }
        return path;
    }
}
