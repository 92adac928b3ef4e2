using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Http;

/// <summary>
/// The query options the handlers validate before anything else (apimachinery meta/v1 validation
/// ValidateCreateOptions, ValidateUpdateOptions, ValidatePatchOptions), answered 422 against CreateOptions,
/// UpdateOptions or PatchOptions in group meta.k8s.io.
/// </summary>
internal static class OptionsValidation
{
    /// <summary>fieldValidation must be "", Ignore, Strict or Warn; empty means Warn.</summary>
    public static string FieldValidation(string method, string? value)
    {
        if (value is null or "")
        {
            return "Warn";
        }
        if (value is "Strict" or "Warn" or "Ignore")
        {
            return value;
        }
        var kind = method switch { "POST" => "CreateOptions", "PUT" => "UpdateOptions", _ => "PatchOptions" };
        var message = $"Unsupported value: \"{value}\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"";
        throw new ApiException(422, "Invalid", $"{kind}.meta.k8s.io \"\" is invalid: fieldValidation: {message}", new JsonObject
        {
            ["name"] = "",
            ["group"] = "meta.k8s.io",
            ["kind"] = kind,
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueNotSupported", ["message"] = message, ["field"] = "fieldValidation" }),
        });
    }
}
