using System.Text.Json.Nodes;
using CapiSdk.Testing.Http;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Lifecycle;

/// <summary>Finalizer names, as ObjectMeta validation and the custom resource strategy check them.</summary>
internal static partial class ObjectRules
{
    private static readonly HashSet<string> StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    /// <summary>
    /// 422 for finalizers that are not qualified names, or orphan together with foregroundDeletion; for custom
    /// resources, a warning for each newly added finalizer without a domain prefix.
    /// </summary>
    public static void ValidateFinalizers(ResourceType type, string name, JsonObject obj, JsonObject? old, List<string> warnings)
    {
        var finalizers = Finalizers(obj);
        var errors = new List<FieldError>();
        foreach (var f in finalizers.Distinct())
        {
            CheckKey(f, "metadata.finalizers", errors);
        }
        if (finalizers.Contains("orphan") && finalizers.Contains("foregroundDeletion"))
        {
            errors.Add(new FieldError("FieldValueInvalid",
                $"Invalid value: []string{{{string.Join(", ", finalizers.Select(f => $"\"{f}\""))}}}: finalizer orphan and foregroundDeletion cannot be both set", "metadata.finalizers"));
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type, name, errors);
        }
        if (!type.IsCustom)
        {
            return;
        }
        var before = old is null ? [] : Finalizers(old);
        foreach (var f in finalizers.Except(before).Distinct().Order(StringComparer.Ordinal))
        {
            if (!f.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(f))
            {
                warnings.Add($"metadata.finalizers: \"{f}\": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers");
            }
        }
    }
}
