using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>What the server enforces on every write: names, metadata it owns, schema pruning/defaulting/validation, generation.</summary>
internal static partial class ObjectRules
{
    /// <summary>Prunes unknown fields, applies defaults and validates against the version's schema (ratcheting against <paramref name="old"/> on updates). Returns warnings.</summary>
    public static List<string> ApplySchema(ResourceType type, ServedVersion version, JsonObject obj, string name, string fieldValidation, JsonObject? old = null)
    {
        var warnings = new List<string>();
        ValidateFinalizers(type, name, obj, old, warnings);
        if (version.Schema is null)
        {
            return warnings;
        }
        var unknown = SchemaPruner.Prune(obj, version.Schema);
        if (unknown.Count > 0)
        {
            switch (fieldValidation)
            {
                case "Strict":
                    throw ApiException.BadRequest($"{type.Kind} in version \"{version.Name}\" cannot be handled as a {type.Kind}: strict decoding error: "
                        + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
                case "Ignore":
                    break;
                default:
                    warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                    break;
            }
        }
        SchemaDefaulter.Apply(obj, version.Schema);
        var errors = version.Validator?.Validate(obj, old, warnings) ?? [];
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type, name, errors);
        }
        return warnings;
    }

    public static void ValidateName(ResourceType type, string name, bool fromGenerateName = false)
    {
        var ok = type.Plural == "namespaces" ? Label().IsMatch(name) && name.Length <= 63 : Subdomain().IsMatch(name) && name.Length <= 253;
        if (!ok)
        {
            var what = type.Plural == "namespaces"
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
            throw ApiException.Invalid(type, name, [new FieldError("FieldValueInvalid", $"Invalid value: \"{name}\": {what}", fromGenerateName ? "metadata.generateName" : "metadata.name")]);
        }
    }

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject meta)
        {
            meta = new JsonObject();
            obj["metadata"] = meta;
        }
        return meta;
    }

    /// <summary>True when anything outside metadata (and status, when it is a subresource) differs: the trigger for a generation bump.</summary>
    public static bool SpecChanged(ResourceType type, JsonObject before, JsonObject after)
    {
        foreach (var key in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Distinct())
        {
            if (key is "metadata" or "apiVersion" or "kind" || (key == "status" && type.HasStatusSubresource))
            {
                continue;
            }
            if (!JsonNode.DeepEquals(before[key], after[key]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the two objects differ in anything but apiVersion, resourceVersion and managedFields timestamps (a
    /// missing metadata counts as an empty one). Compares in place, without copies.
    /// </summary>
    public static bool Differs(JsonObject before, JsonObject after)
    {
        if (!SameExcept(before, after, static key => key is "apiVersion" or "metadata"))
        {
            return true;
        }
        var a = before["metadata"] as JsonObject ?? new JsonObject();
        var b = after["metadata"] as JsonObject ?? new JsonObject();
        return !SameExcept(a, b, static key => key is "resourceVersion" or "managedFields")
            || a.ContainsKey("managedFields") != b.ContainsKey("managedFields")
            || !SameManagedFields(a["managedFields"], b["managedFields"]);
    }

    /// <summary>True when two managedFields values are equal but for their entries' times.</summary>
    public static bool SameManagedFields(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonArray x || b is not JsonArray y)
        {
            return JsonNode.DeepEquals(a, b);
        }
        if (x.Count != y.Count)
        {
            return false;
        }
        for (var i = 0; i < x.Count; i++)
        {
            var same = x[i] is JsonObject ex && y[i] is JsonObject ey
                ? SameExcept(ex, ey, static key => key == "time")
                : JsonNode.DeepEquals(x[i], y[i]);
            if (!same)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Deep equality of two objects over the properties <paramref name="skip"/> does not name (present in both, equal values).</summary>
    private static bool SameExcept(JsonObject a, JsonObject b, Func<string, bool> skip)
    {
        var count = 0;
        foreach (var (key, value) in a)
        {
            if (skip(key))
            {
                continue;
            }
            count++;
            if (!b.TryGetPropertyValue(key, out var other) || !JsonNode.DeepEquals(value, other))
            {
                return false;
            }
        }
        foreach (var (key, _) in b)
        {
            if (!skip(key))
            {
                count--;
            }
        }
        return count == 0;
    }

    /// <summary>Checks label keys and values and annotation keys as the real server does (422 on metadata.labels / metadata.annotations).</summary>
    public static void ValidateLabels(ResourceType type, string name, JsonObject obj)
    {
        var errors = new List<FieldError>();
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                CheckKey(key, "metadata.labels", errors);
                var v = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)value : value?.ToJsonString();
                if (v is null || v.Length > 63 || !LabelValue().IsMatch(v))
                {
                    errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{v}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", "metadata.labels"));
                }
            }
        }
        if (obj["metadata"]?["annotations"] is JsonObject annotations)
        {
            foreach (var (key, _) in annotations)
            {
                CheckKey(key, "metadata.annotations", errors);
            }
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type, name, errors);
        }
    }

    private static void CheckKey(string key, string field, List<FieldError> errors)
    {
        var slash = key.LastIndexOf('/');
        var prefix = slash >= 0 ? key[..slash] : null;
        var namePart = slash >= 0 ? key[(slash + 1)..] : key;
        if (prefix is not null && (prefix.Length == 0 || prefix.Length > 253 || !Subdomain().IsMatch(prefix)))
        {
            errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{key}\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", field));
        }
        if (namePart.Length == 0 || namePart.Length > 63 || !QualifiedName().IsMatch(namePart))
        {
            errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')", field));
        }
    }

    /// <summary>Sets the immutable kubernetes.io/metadata.name label every namespace carries.</summary>
    public static void LabelNamespace(JsonObject ns, string name)
    {
        var meta = Metadata(ns);
        if (meta["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            meta["labels"] = labels;
        }
        labels["kubernetes.io/metadata.name"] = name;
    }

    /// <summary>Copies the fields clients cannot change on update from the stored object.</summary>
    public static void KeepSystemMetadata(JsonObject stored, JsonObject updated)
    {
        var from = Metadata(stored);
        var to = Metadata(updated);
        foreach (var key in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            to.Remove(key);
            if (from[key] is { } v)
            {
                to[key] = v.DeepClone();
            }
        }
        to.Remove("selfLink");
    }

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(x => (string?)x ?? "").ToList() : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var meta = Metadata(obj);
        if (finalizers.Count == 0)
        {
            meta.Remove("finalizers");
        }
        else
        {
            meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedName();
}
