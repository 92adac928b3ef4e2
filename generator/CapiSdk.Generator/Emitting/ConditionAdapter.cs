using System.Linq;
using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Recognises the Kubernetes condition shape (a <c>type</c> string, a <c>status</c> string or string enum, a
/// <c>lastTransitionTime</c> date-time; optionally <c>reason</c>, <c>message</c>, <c>observedGeneration</c>) and
/// makes such a class implement CapiSdk.Client's <c>IKubernetesCondition</c>, so one set of condition helpers works
/// on every kind's conditions; and makes a kind whose <c>status.conditions</c> is a list of them implement
/// <c>IHasConditions&lt;T&gt;</c>, so the helpers work on the object itself.
/// </summary>
internal static class ConditionAdapter
{
    /// <summary>The kind's status property, its conditions list property and the condition type, when it has a standard conditions list.</summary>
    public static (PropertyModel Status, PropertyModel Conditions, ObjectTypeModel Condition)? ConditionsOf(ResourceModel resource)
    {
        var status = resource.Root.Properties.FirstOrDefault(p => p.JsonName == "status" && p.Name == "Status" && p.Type.Kind == JsonTypeKind.Object);
        var statusType = status is null ? null : resource.Types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.FullName == status.Type.Name);
        var conditions = statusType?.Properties.FirstOrDefault(p => p.JsonName == "conditions" && p.Type.Kind == JsonTypeKind.List
            && !p.Type.ElementNullable && p.Type.Element?.Kind == JsonTypeKind.Object);
        var condition = conditions is null
            ? null
            : resource.Types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.FullName == conditions.Type.Element!.Name)
                ?? (resource.SharedConditionType?.FullName == conditions.Type.Element!.Name ? resource.SharedConditionType : null);
        return condition is not null && IsCondition(condition) ? (status!, conditions!, condition) : null;
    }

    /// <summary>The <c>IHasConditions&lt;T&gt;</c> interface of a kind with conditions.</summary>
    public static string HolderInterface(ObjectTypeModel condition) => ClientLibrary.Prefix + "IHasConditions<" + condition.FullName + ">";

    /// <summary>Implements <c>IHasConditions&lt;T&gt;</c> explicitly: read through a null status, create it to write.</summary>
    public static void EmitHolder(SourceWriter writer, PropertyModel status, PropertyModel conditions, ObjectTypeModel condition)
    {
        var contract = HolderInterface(condition);
        var list = conditions.Type.TypeName;
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(list + "? " + contract + ".Conditions => " + status.Name + (status.Initialized ? "." : "?.") + conditions.Name + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(list + " " + contract + ".EnsureConditions() =>");
        writer.Line("    " + (status.Initialized ? status.Name : "(" + status.Name + " ??= new())") + "." + conditions.Name
            + (conditions.Initialized ? ";" : " ??= new global::System.Collections.Generic.List<" + condition.FullName + ">();"));
    }

    public static bool IsCondition(ObjectTypeModel type) =>
        Find(type, "type", JsonTypeModel.String) is not null
        && Status(type) is not null
        && Find(type, "lastTransitionTime", JsonTypeModel.DateTimeOffset) is not null
        && Optional(type, "reason", JsonTypeModel.String) && Optional(type, "message", JsonTypeModel.String)
        && Optional(type, "observedGeneration", JsonTypeModel.Long);

    public static void Emit(SourceWriter writer, ObjectTypeModel type)
    {
        var contract = ClientLibrary.Prefix + "IKubernetesCondition";
        var status = Status(type)!;
        writer.Line();
        String(writer, contract, "Type", Find(type, "type", JsonTypeModel.String)!);
        writer.Line("/// <inheritdoc/>");
        writer.Line(status.Type.IsEnum
            ? "string? " + contract + ".Status { get => " + status.Name + "?.Value; set => " + status.Name + " = value is null ? (" + status.Type.Name + "?)null : new " + status.Type.Name + "(value); }"
            : "string? " + contract + ".Status { get => " + status.Name + "; set => " + status.Name + " = value; }");
        foreach (var name in new[] { "reason", "message" })
        {
            if (Find(type, name, JsonTypeModel.String) is { } property)
            {
                String(writer, contract, char.ToUpperInvariant(name[0]) + name.Substring(1), property);
            }
            else
            {
                writer.Line("/// <inheritdoc/>");
                writer.Line("string? " + contract + "." + char.ToUpperInvariant(name[0]) + name.Substring(1) + " { get => null; set { } }");
            }
        }

        var time = Find(type, "lastTransitionTime", JsonTypeModel.DateTimeOffset)!;
        writer.Line("/// <inheritdoc/>");
        writer.Line("global::System.DateTimeOffset? " + contract + ".LastTransitionTime { get => " + time.Name + "; set => " + time.Name + " = value; }");
        var generation = Find(type, "observedGeneration", JsonTypeModel.Long);
        writer.Line("/// <inheritdoc/>");
        writer.Line(generation is null
            ? "long? " + contract + ".ObservedGeneration { get => null; set { } }"
            : "long? " + contract + ".ObservedGeneration { get => " + generation.Name + "; set => " + generation.Name + " = value; }");
    }

    private static void String(SourceWriter writer, string contract, string member, PropertyModel property)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line("string? " + contract + "." + member + " { get => " + property.Name + "; set => " + property.Name + " = value; }");
    }

    private static PropertyModel? Status(ObjectTypeModel type) =>
        type.Properties.FirstOrDefault(p => p.JsonName == "status" && !p.Initialized && (p.Type == JsonTypeModel.String || p.Type.IsEnum));

    private static PropertyModel? Find(ObjectTypeModel type, string jsonName, JsonTypeModel expected) =>
        type.Properties.FirstOrDefault(p => p.JsonName == jsonName && p.Type == expected && !p.Initialized);

    private static bool Optional(ObjectTypeModel type, string jsonName, JsonTypeModel expected) =>
        type.Properties.All(p => p.JsonName != jsonName) || Find(type, jsonName, expected) is not null;
}
