using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation.FormatValidators;

namespace CapiSdk.Testing.Schema;

/// <summary>
/// One node of a version's schema (as <see cref="SchemaConverter"/> writes it), compiled once: types as flags, bounds
/// parsed, the pattern's regex built, enum values as text. Validating walks a System.Text.Json value and
/// appends the field errors the apiextensions server words, in the order and with the quirks the validator has always
/// had (a nullable type's failing value reported as NoTypeValidates, anyOf of two as "integer or string"). Thread-safe.
/// </summary>
internal sealed class CompiledSchema
{
    private static readonly IFormatValidator[] Formats =
    [
        new DateTimeFormatValidator(), new DateFormatValidator(), new EmailFormatValidator(), new HostnameFormatValidator(),
        new IpV4FormatValidator(), new IpV6FormatValidator(), new UriFormatValidator(), new ByteFormatValidator(), new UuidFormatValidator(),
    ];

    private readonly SchemaKinds _type;
    private readonly List<CompiledSchema> _anyOf = [], _allOf = [], _oneOf = [];
    private readonly CompiledSchema? _not, _items, _additional;
    private readonly bool _noAdditional, _uniqueItems, _exclusiveMinimum, _exclusiveMaximum;
    private readonly decimal? _minimum, _maximum, _multipleOf;
    private readonly int? _minLength, _maxLength;
    private readonly int _minItems, _maxItems, _minProperties, _maxProperties;
    private readonly string? _pattern;
    private readonly Regex? _regex;
    private readonly string? _format;
    private readonly IFormatValidator? _formatValidator;
    private readonly List<string?> _enumTexts = [];
    private readonly string _enumList = "";
    private readonly List<(string Name, CompiledSchema Schema)> _properties = [];
    private readonly HashSet<string> _propertyNames = new(StringComparer.Ordinal);
    private readonly List<string> _required = [];

    /// <summary>Compiles <paramref name="s"/>, a schema as <see cref="SchemaConverter.ToJsonSchema"/> returns it.</summary>
    public CompiledSchema(JsonObject s)
    {
        _type = s["type"] switch
        {
            JsonArray a => a.Aggregate(SchemaKinds.None, (k, t) => k | KindOf((string?)t)),
            JsonValue v => KindOf((string?)v),
            _ => SchemaKinds.None,
        };
        Fill(s["anyOf"], _anyOf);
        Fill(s["allOf"], _allOf);
        Fill(s["oneOf"], _oneOf);
        _not = s["not"] is JsonObject not ? new CompiledSchema(not) : null;
        _items = s["items"] is JsonObject items ? new CompiledSchema(items) : null;
        _additional = s["additionalProperties"] is JsonObject ap ? new CompiledSchema(ap) : null;
        _noAdditional = s["additionalProperties"]?.GetValueKind() == JsonValueKind.False;
        _uniqueItems = s["uniqueItems"]?.GetValueKind() == JsonValueKind.True;
        _exclusiveMinimum = s["exclusiveMinimum"]?.GetValueKind() == JsonValueKind.True;
        _exclusiveMaximum = s["exclusiveMaximum"]?.GetValueKind() == JsonValueKind.True;
        _minimum = Number(s["minimum"]);
        _maximum = Number(s["maximum"]);
        _multipleOf = Number(s["multipleOf"]);
        _minLength = Int(s["minLength"]);
        _maxLength = Int(s["maxLength"]);
        _minItems = Int(s["minItems"]) ?? 0;
        _maxItems = Int(s["maxItems"]) ?? 0;
        _minProperties = Int(s["minProperties"]) ?? 0;
        _maxProperties = Int(s["maxProperties"]) ?? 0;
        _pattern = (string?)s["pattern"];
        _regex = string.IsNullOrEmpty(_pattern) ? null : new Regex(_pattern);
        _format = (string?)s["format"];
        _formatValidator = Formats.FirstOrDefault(f => f.Format == _format);
        if (s["enum"] is JsonArray values)
        {
            _enumTexts.AddRange(values.Select(v => v is null ? null : TokenText.Plain(v)));
            _enumList = string.Join(", ", values.Select(EnumShown));
        }
        if (s["properties"] is JsonObject props)
        {
            foreach (var (name, p) in props)
            {
                _properties.Add((name, new CompiledSchema(p as JsonObject ?? [])));
                _propertyNames.Add(name);
            }
        }
        if (s["required"] is JsonArray required)
        {
            _required.AddRange(required.Select(r => (string?)r ?? ""));
        }
    }

    private bool IsNullable => _enumTexts.Contains(null) || _type.HasFlag(SchemaKinds.Null) || (_type == SchemaKinds.None && _oneOf.Exists(o => o.IsNullable));

    private bool IsIntOrString => _anyOf.Count == 2;

    /// <summary>Appends the errors of <paramref name="node"/>, found at <paramref name="path"/> ("" for the root).</summary>
    public void Validate(JsonNode? node, string path, List<FieldError> errors) => Validate(node, path, errors, skip: null);

    /// <summary>Appends the errors of a whole object, its property <paramref name="skip"/> left out (validated apart from the schema).</summary>
    public void Validate(JsonObject obj, string skip, List<FieldError> errors) => Validate(obj, "", errors, skip);

    private void Validate(JsonNode? node, string path, List<FieldError> errors, string? skip)
    {
        Combinator(_anyOf, node, path, errors, results => results.TrueForAll(r => r.Count > 0));
        Combinator(_allOf, node, path, errors, results => results.Exists(r => r.Count > 0));
        Combinator(_oneOf, node, path, errors, results => results.Count(r => r.Count == 0) != 1);
        if (_not is not null && Run(_not, node, path).Count == 0)
        {
            errors.Add(SchemaErrors.Generic(node, path, "ExcludedSchemaValidates"));
        }
        ValidateType(node, path, errors);
        ValidateEnum(node, path, errors);
        ValidateProperties(node, path, errors, skip);
    }

    private void Combinator(List<CompiledSchema> schemas, JsonNode? node, string path, List<FieldError> errors, Func<List<List<FieldError>>, bool> fails)
    {
        if (schemas.Count > 0 && schemas.Select(a => Run(a, node, path)).ToList() is var results && fails(results))
        {
            Combined(results, node, path, errors);
        }
    }

    private static List<FieldError> Run(CompiledSchema schema, JsonNode? node, string path)
    {
        var list = new List<FieldError>();
        schema.Validate(node, path, list);
        return list;
    }

    private void Combined(List<List<FieldError>> results, JsonNode? node, string path, List<FieldError> errors)
    {
        if (IsIntOrString)
        {
            errors.Add(SchemaErrors.TypeError(node, path, "integer or string"));
            return;
        }
        var inner = results.SelectMany(r => r).ToList();
        errors.AddRange(inner.Count > 0 ? inner : [new FieldError("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} in body is invalid", path)]);
    }

    private void ValidateType(JsonNode? node, string path, List<FieldError> errors)
    {
        if (node is null && IsNullable)
        {
            return;
        }
        if (_type != SchemaKinds.None && (_type & (_type - 1)) != 0)
        {
            // Several types (a nullable one): valid when one type validates; the checks apart from the type's own are the same for each.
            var common = new List<FieldError>();
            ValidateChecks(node, SchemaKinds.None, path, common);
            var actual = KindsOf(node);
            var allMismatch = (actual & _type) == 0;
            if (common.Count > 0 || allMismatch)
            {
                errors.Add(SchemaErrors.Generic(node, path, "NoTypeValidates"));
            }
            return;
        }
        ValidateChecks(node, _type, path, errors);
    }

    private void ValidateChecks(JsonNode? node, SchemaKinds type, string path, List<FieldError> errors)
    {
        var actual = KindsOf(node);
        if (node is JsonArray array)
        {
            if (_minItems > 0 && array.Count < _minItems)
            {
                errors.Add(new("FieldValueInvalid", $"Invalid value: {array.Count}: {path} in body should have at least {_minItems} items", path));
            }
            if (_maxItems > 0 && array.Count > _maxItems)
            {
                errors.Add(new("FieldValueTooMany", $"Too many: {array.Count}: must have at most {_maxItems} items", path));
            }
            if (_uniqueItems && array.Count != array.Select(i => TokenText.Plain(i) ?? "").Distinct().Count())
            {
                errors.Add(new("FieldValueDuplicate", $"Duplicate value: {TokenText.Compact(node)}", path));
            }
            if (_items is not null)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    _items.Validate(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                }
            }
        }
        else if (type.HasFlag(SchemaKinds.Array))
        {
            errors.Add(SchemaErrors.TypeError(node, path, "array"));
        }
        if (actual == SchemaKinds.String)
        {
            ValidateString(node!.GetValue<string>(), node, path, errors);
        }
        else if (type.HasFlag(SchemaKinds.String))
        {
            errors.Add(SchemaErrors.TypeError(node, path, "string"));
        }
        if (type.HasFlag(SchemaKinds.Number) && !actual.HasFlag(SchemaKinds.Number))
        {
            errors.Add(SchemaErrors.TypeError(node, path, "number"));
        }
        if (actual.HasFlag(SchemaKinds.Number))
        {
            ValidateNumber(node!.AsValue(), path, errors);
        }
        if (type.HasFlag(SchemaKinds.Integer) && !actual.HasFlag(SchemaKinds.Integer))
        {
            errors.Add(SchemaErrors.TypeError(node, path, "integer"));
        }
        if (type.HasFlag(SchemaKinds.Boolean) && actual != SchemaKinds.Boolean)
        {
            errors.Add(SchemaErrors.TypeError(node, path, "boolean"));
        }
        if (type.HasFlag(SchemaKinds.Null) && node is not null)
        {
            errors.Add(SchemaErrors.TypeError(node, path, "null"));
        }
        if (type.HasFlag(SchemaKinds.Object) && node is not JsonObject)
        {
            errors.Add(SchemaErrors.TypeError(node, path, "object"));
        }
    }

    private void ValidateString(string value, JsonNode node, string path, List<FieldError> errors)
    {
        if (_regex is not null && !_regex.IsMatch(value))
        {
            errors.Add(new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} in body should match '{_pattern}'", path));
        }
        if (_minLength is { } min && value.Length < min)
        {
            errors.Add(new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} in body should be at least {min} chars long", path));
        }
        if (_maxLength is { } max && value.Length > max)
        {
            errors.Add(new("FieldValueTooLong", $"Too long: may not be more than {max} bytes", path));
        }
        if (_formatValidator is not null && !_formatValidator.IsValid(value, JTokenType.String))
        {
            var shown = TokenText.Compact(node);
            errors.Add(new("FieldValueInvalid", $"Invalid value: {shown}: {path} in body must be of type {_format}: {shown}", path));
        }
    }

    private void ValidateNumber(JsonValue node, string path, List<FieldError> errors)
    {
        var text = node.ToJsonString();
        bool tooSmall, tooBig, notMultiple;
        if (TryDecimal(text, out var d))
        {
            tooSmall = _minimum is { } min && (_exclusiveMinimum ? d <= min : d < min);
            tooBig = _maximum is { } max && (_exclusiveMaximum ? d >= max : d > max);
            notMultiple = _multipleOf is { } m && d % m != 0;
        }
        else
        {
            var v = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            tooSmall = _minimum is { } min && (_exclusiveMinimum ? v <= (double)min : v < (double)min);
            tooBig = _maximum is { } max && (_exclusiveMaximum ? v >= (double)max : v > (double)max);
            notMultiple = _multipleOf is { } m && v % (double)m != 0;
        }
        if (tooSmall)
        {
            errors.Add(new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} in body should be greater than or equal to {_minimum}", path));
        }
        if (tooBig)
        {
            errors.Add(new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} in body should be less than or equal to {_maximum}", path));
        }
        if (notMultiple)
        {
            errors.Add(SchemaErrors.Generic(node, path, "NumberNotMultipleOf"));
        }
    }

    private static bool TryDecimal(string text, out decimal value)
    {
        try
        {
            value = text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0
                ? (decimal)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    private void ValidateEnum(JsonNode? node, string path, List<FieldError> errors)
    {
        if (_enumTexts.Count == 0 || (node is null && IsNullable))
        {
            return;
        }
        var text = TokenText.Plain(node) ?? "";
        if (!_enumTexts.Contains(text))
        {
            errors.Add(new("FieldValueNotSupported", $"Unsupported value: {TokenText.Compact(node)}: supported values: {_enumList}", path));
        }
    }

    private void ValidateProperties(JsonNode? node, string path, List<FieldError> errors, string? skip)
    {
        var obj = node as JsonObject;
        if (obj is null && _type.HasFlag(SchemaKinds.Null))
        {
            return;
        }
        foreach (var (name, schema) in _properties)
        {
            var childPath = path.Length > 0 ? path + "." + name : name;
            if (obj is not null && name != skip && obj.TryGetPropertyValue(name, out var value))
            {
                if (value is null && schema.IsNullable)
                {
                    continue;
                }
                schema.Validate(value, childPath, errors);
            }
            else if (_required.Contains(name))
            {
                errors.Add(new("FieldValueRequired", "Required value", childPath));
            }
        }
        foreach (var name in _required)
        {
            if (!_propertyNames.Contains(name) && (name == skip || obj?.ContainsKey(name) != true))
            {
                errors.Add(new("FieldValueRequired", "Required value", path.Length > 0 ? path + "." + name : name));
            }
        }
        if (obj is null)
        {
            return;
        }
        var count = skip is not null && obj.ContainsKey(skip) ? obj.Count - 1 : obj.Count;
        if ((_maxProperties > 0 && count > _maxProperties) || (_minProperties > 0 && count < _minProperties))
        {
            errors.Add(new("FieldValueInvalid", $"Invalid value: {TokenText.Compact(node)}: {path} has an invalid number of properties", path));
        }
        if (_additional is null && !_noAdditional)
        {
            return;
        }
        foreach (var (name, value) in obj)
        {
            if (_propertyNames.Contains(name) || name == skip)
            {
                continue;
            }
            if (_additional is not null)
            {
                _additional.Validate(value, SchemaErrors.KeyPath(path, name), errors);
            }
            else
            {
                var childPath = path.Length > 0 ? path + "." + name : name;
                errors.Add(new("FieldValueInvalid", $"Invalid value: {JsonSerializer.Serialize(name)}:{TokenText.Compact(value)}: NoAdditionalPropertiesAllowed", childPath));
            }
        }
    }

    private static SchemaKinds KindsOf(JsonNode? node) => TokenText.TypeName(node) switch
    {
        "string" => SchemaKinds.String,
        "integer" => SchemaKinds.Integer | SchemaKinds.Number,
        "number" => SchemaKinds.Number,
        "boolean" => SchemaKinds.Boolean,
        "object" => SchemaKinds.Object,
        "array" => SchemaKinds.Array,
        _ => SchemaKinds.None,
    };

    private static SchemaKinds KindOf(string? type) => type switch
    {
        "array" => SchemaKinds.Array,
        "boolean" => SchemaKinds.Boolean,
        "integer" => SchemaKinds.Integer,
        "null" => SchemaKinds.Null,
        "number" => SchemaKinds.Number,
        "object" => SchemaKinds.Object,
        "string" => SchemaKinds.String,
        _ => SchemaKinds.None,
    };

    private static int? Int(JsonNode? n) => Number(n) is { } d ? (int)d : null;

    private static decimal? Number(JsonNode? n) =>
        n is null ? null : TryDecimal(n.ToJsonString(), out var d) ? d : null;

    private static void Fill(JsonNode? list, List<CompiledSchema> into)
    {
        if (list is JsonArray a)
        {
            into.AddRange(a.OfType<JsonObject>().Select(o => new CompiledSchema(o)));
        }
    }

    private static string EnumShown(JsonNode? v) => v switch
    {
        null => "",
        _ when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        JsonValue n when n.GetValueKind() == JsonValueKind.Number && TokenText.IsFloat(n)
            => double.Parse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => TokenText.Plain(v) ?? "",
    };
}
