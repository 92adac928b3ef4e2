using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Schema.Cel;

/// <summary>
/// Evaluates the <c>x-kubernetes-validations</c> of a structural schema as the apiextensions server does: each rule
/// with <c>self</c> bound to the value at its schema node (the whole object at the root), <c>oldSelf</c> to the
/// correlated old value; transition rules only when there is one; failures worded as the real server words them;
/// on update, failures of rules without oldSelf at unchanged values are warnings instead (ratcheting).
/// </summary>
internal sealed class CelValidator
{
    private readonly JsonObject _schema;
    private readonly Dictionary<JsonObject, List<CelRule>> _rules;

    private CelValidator(JsonObject schema, Dictionary<JsonObject, List<CelRule>> rules)
    {
        _schema = schema;
        _rules = rules;
    }

    /// <summary>Compiles every rule in the schema; null when there are none.</summary>
    /// <exception cref="FormatException">A rule cannot be compiled; the message names it and its place in the schema.</exception>
    public static CelValidator? Create(JsonObject schema, string where)
    {
        var rules = new Dictionary<JsonObject, List<CelRule>>(ReferenceEqualityComparer.Instance);
        Collect(schema, where, rules);
        return rules.Count == 0 ? null : new CelValidator(schema, rules);
    }

    private static void Collect(JsonObject s, string where, Dictionary<JsonObject, List<CelRule>> rules)
    {
        if (s["x-kubernetes-validations"] is JsonArray list)
        {
            rules[s] = list.OfType<JsonObject>().Select((r, i) => CelRule.Compile(r, $"{where}.x-kubernetes-validations[{i}]")).ToList();
        }
        if (s["properties"] is JsonObject props)
        {
            foreach (var (name, p) in props)
            {
                if (p is JsonObject po)
                {
                    Collect(po, $"{where}.properties[{name}]", rules);
                }
            }
        }
        if (s["items"] is JsonObject items)
        {
            Collect(items, where + ".items", rules);
        }
        if (s["additionalProperties"] is JsonObject ap)
        {
            Collect(ap, where + ".additionalProperties", rules);
        }
    }

    public void Validate(JsonObject obj, JsonObject? old, List<FieldError> errors, List<string> warnings) =>
        Walk(_schema, obj, old, "", old is not null && JsonNode.DeepEquals(obj, old), errors, warnings);

    private void Walk(JsonObject? s, JsonNode? value, JsonNode? old, string path, bool unchanged, List<FieldError> errors, List<string> warnings)
    {
        if (s is null || value is null)
        {
            return;
        }
        if (_rules.TryGetValue(s, out var rules))
        {
            Evaluate(s, rules, value, old, path, unchanged, errors, warnings);
        }
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (!SchemaNode.HasProperty(s, key) && s["additionalProperties"] is not JsonObject)
                    {
                        continue;
                    }
                    var oldChild = (old as JsonObject)?[key];
                    var correlated = old is JsonObject oo && oo.ContainsKey(key);
                    Walk(SchemaNode.Property(s, key), child, oldChild, FieldPaths.Child(path, key, s), correlated && JsonNode.DeepEquals(child, oldChild), errors, warnings);
                }
                break;
            case JsonArray a:
                var isMap = SchemaNode.ListType(s) == "map";
                for (var i = 0; i < a.Count; i++)
                {
                    // Only list-type map items have an old value; other items are judged by their list when ratcheting.
                    var oldItem = isMap ? Correlation.OldMapItem(s, a[i] as JsonObject, old as JsonArray) : null;
                    var itemUnchanged = isMap ? oldItem is not null && JsonNode.DeepEquals(a[i], oldItem) : unchanged;
                    Walk(SchemaNode.Items(s), a[i], oldItem, $"{path}[{i}]", itemUnchanged, errors, warnings);
                }
                break;
        }
    }

    private static void Evaluate(JsonObject s, List<CelRule> rules, JsonNode value, JsonNode? old, string path, bool unchanged, List<FieldError> errors, List<string> warnings)
    {
        var type = (string?)s["type"] ?? "";
        var self = CelValues.From(value);
        foreach (var rule in rules)
        {
            if (rule.UsesOldSelf && old is null && !rule.OptionalOldSelf)
            {
                continue;
            }
            var variables = new Dictionary<string, object?> { ["self"] = self };
            if (rule.OptionalOldSelf)
            {
                variables["oldSelf"] = new CelOptional(old is not null, CelValues.From(old));
            }
            else if (old is not null)
            {
                variables["oldSelf"] = CelValues.From(old);
            }
            bool passed;
            try
            {
                passed = rule.Evaluate(variables);
            }
            catch (CelEvaluationException e)
            {
                errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{type}\": {e.Message} evaluating rule: {rule.ErrorName}", RootOr(path)));
                continue;
            }
            if (passed)
            {
                continue;
            }
            var field = rule.FieldPath is { Length: > 0 } fp ? (path.Length == 0 ? fp : path + "." + fp) : RootOr(path);
            var detail = rule.EvaluateMessage(variables) ?? rule.DefaultMessage;
            var error = rule.Reason switch
            {
                "FieldValueForbidden" => new FieldError("FieldValueForbidden", $"Forbidden: {detail}", field),
                "FieldValueRequired" => new FieldError("FieldValueRequired", $"Required value: {detail}", field),
                "FieldValueDuplicate" => new FieldError("FieldValueDuplicate", $"Duplicate value: \"{type}\"", field),
                _ => new FieldError("FieldValueInvalid", $"Invalid value: \"{type}\": {detail}", field),
            };
            if (!rule.UsesOldSelf && unchanged)
            {
                warnings.Add(error.ToString());
            }
            else
            {
                errors.Add(error);
            }
        }
    }

    /// <summary>The real server validates from a nil field path, which prints as "&lt;nil&gt;" for rules at the root.</summary>
    private static string RootOr(string path) => path.Length == 0 ? "<nil>" : path;
}
