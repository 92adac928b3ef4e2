using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>
/// What the real server does with Secret and ConfigMap data on every write: Secret <c>stringData</c> is merged into
/// <c>data</c> (base64-encoded, stringData winning) and never stored (the v1 to internal conversion); <c>data</c>
/// (Secrets) and <c>binaryData</c> (ConfigMaps) must be base64 (a decode error, 400); keys must be config keys, a
/// Secret's <c>type</c> defaults to Opaque and is immutable, and <c>immutable: true</c> freezes the data
/// (pkg/apis/core/validation ValidateSecretUpdate and ValidateConfigMapUpdate).
/// </summary>
internal static partial class ConfigDataRules
{
    private const string Frozen = "Forbidden: field is immutable when `immutable` is set";

    /// <summary>Runs on create (<paramref name="current"/> null) and update of Secrets and ConfigMaps; other types pass.</summary>
    public static void Apply(ResourceType t, JsonObject? current, JsonObject next, string name)
    {
        var isSecret = t == BuiltInResources.Secrets;
        if (!isSecret && t != BuiltInResources.ConfigMaps)
        {
            return;
        }
        var binaryField = isSecret ? "data" : "binaryData";
        CheckBase64(t, next, binaryField);
        if (isSecret)
        {
            MergeStringData(next);
            next["type"] ??= "Opaque";
        }
        var errors = new List<FieldError>();
        foreach (var field in isSecret ? new[] { "data" } : ["data", "binaryData"])
        {
            foreach (var (key, _) in next[field] as JsonObject ?? [])
            {
                if (key.Length > 253 || !ConfigKey().IsMatch(key))
                {
                    errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{key}\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')", field));
                }
            }
        }
        if (current is not null)
        {
            if (isSecret && (string?)current["type"] != (string?)next["type"])
            {
                errors.Add(new FieldError("FieldValueInvalid", $"Invalid value: \"{(string?)next["type"]}\": field is immutable", "type"));
            }
            if (current["immutable"]?.GetValue<bool>() == true)
            {
                if (next["immutable"]?.GetValue<bool>() != true)
                {
                    errors.Add(new FieldError("FieldValueForbidden", Frozen, "immutable"));
                }
                foreach (var field in isSecret ? new[] { "data" } : ["data", "binaryData"])
                {
                    if (!JsonNode.DeepEquals(Empty(current[field]), Empty(next[field])))
                    {
                        errors.Add(new FieldError("FieldValueForbidden", Frozen, field));
                    }
                }
            }
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(t, name, errors);
        }
    }

    private static JsonNode? Empty(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;

    private static void CheckBase64(ResourceType t, JsonObject obj, string field)
    {
        foreach (var (_, value) in obj[field] as JsonObject ?? [])
        {
            var text = value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)v : null;
            var buffer = new byte[((text?.Length ?? 0) * 3 / 4) + 3];
            if (text is null || !Convert.TryFromBase64String(text, buffer, out _))
            {
                throw ApiException.BadRequest($"{t.Kind} in version \"v1\" cannot be handled as a {t.Kind}: illegal base64 data in {field}");
            }
        }
    }

    private static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }
        if (secret["data"] is not JsonObject data)
        {
            data = [];
            secret["data"] = data;
        }
        foreach (var (key, value) in stringData)
        {
            var text = value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)v! : value?.ToJsonString() ?? "";
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        }
        secret.Remove("stringData");
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();
}
