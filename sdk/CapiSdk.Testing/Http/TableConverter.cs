using System.Globalization;
using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using Microsoft.AspNetCore.Http;

namespace CapiSdk.Testing.Http;

/// <summary>
/// Answers <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c> (what <c>kubectl get</c> asks for) with a
/// meta.k8s.io/v1 Table: a Name column, the CRD's additionalPrinterColumns (<see cref="JsonPath"/>), or Age by default.
/// </summary>
internal static class TableConverter
{
    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Table(ResourceType t, ServedVersion v, IEnumerable<JsonObject> objects, string resourceVersion, string? continueToken, bool withColumns = true)
    {
        var meta = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (!string.IsNullOrEmpty(continueToken))
        {
            meta["continue"] = continueToken;
        }
        var columns = Columns(t, v);
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = meta,
            ["columnDefinitions"] = withColumns ? ColumnDefinitions(columns) : new JsonArray(),
            ["rows"] = new JsonArray(objects.Select(o => (JsonNode)Row(t, columns, o)).ToArray()),
        };
    }

    private static List<(string Name, string Type, string Path, int Priority, string Description)> Columns(ResourceType t, ServedVersion v)
    {
        var columns = new List<(string, string, string, int, string)>
        {
            ("Name", "string", ".metadata.name", 0, "Name must be unique within a namespace."),
        };
        if (t == BuiltInResources.Namespaces)
        {
            columns.Add(("Status", "string", ".status.phase", 0, "The status of the namespace"));
        }
        else if (t == BuiltInResources.Leases)
        {
            columns.Add(("Holder", "string", ".spec.holderIdentity", 0, "The holder of the lease"));
        }
        if (v.PrinterColumns is { Count: > 0 } custom)
        {
            foreach (var c in custom.OfType<JsonObject>())
            {
                columns.Add(((string?)c["name"] ?? "", (string?)c["type"] ?? "string", (string?)c["jsonPath"] ?? "", Priority(c["priority"]), (string?)c["description"] ?? ""));
            }
        }
        else
        {
            columns.Add(("Age", "date", ".metadata.creationTimestamp", 0, "CreationTimestamp is a timestamp representing the server time when this object was created."));
        }
        return columns;
    }

    private static JsonArray ColumnDefinitions(List<(string Name, string Type, string Path, int Priority, string Description)> columns) =>
        new(columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["format"] = c.Name == "Name" ? "name" : "",
            ["description"] = c.Description,
            ["priority"] = c.Priority,
        }).ToArray());

    private static JsonObject Row(ResourceType t, List<(string Name, string Type, string Path, int Priority, string Description)> columns, JsonObject obj)
    {
        var cells = new JsonArray();
        foreach (var c in columns)
        {
            cells.Add(Cell(c.Type, JsonPath.Evaluate(obj, c.Path).FirstOrDefault()));
        }
        var metadata = obj["metadata"]?.DeepClone() ?? new JsonObject();
        return new JsonObject
        {
            ["cells"] = cells,
            ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata },
        };
    }

    /// <summary>
    /// A cell as the CRD TableConvertor makes it (tableconvertor.go): the first result of the column's JSONPath, or
    /// nil when there is none (kubectl prints nil cells blank); string columns print the value as jsonpath does;
    /// integer, number, boolean and date columns take a value of that type only (else nil).
    /// </summary>
    private static JsonNode? Cell(string type, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }
        var kind = value.GetValueKind();
        return type switch
        {
            "string" => JsonValue.Create(JsonPath.Text(value)),
            "integer" when kind == System.Text.Json.JsonValueKind.Number => JsonValue.Create((long)double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            "number" when kind == System.Text.Json.JsonValueKind.Number => JsonValue.Create(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            "boolean" when kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.DeepClone(),
            "date" when kind == System.Text.Json.JsonValueKind.String => DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                ? JsonValue.Create(HumanDuration(DateTimeOffset.UtcNow - when))
                : JsonValue.Create("<invalid>"),
            "string" or "integer" or "number" or "boolean" or "date" => null,
            _ => value.DeepClone(),
        };
    }

    /// <summary>Ages as kubectl and the server print them: 45s, 3m20s, 5h, 2d3h, 400d.</summary>
    internal static string HumanDuration(TimeSpan d)
    {
        var s = (long)Math.Max(0, d.TotalSeconds);
        var m = s / 60;
        var h = m / 60;
        var days = h / 24;
        var years = days / 365;
        return s switch
        {
            < 120 => $"{s}s",
            _ when m < 10 => s % 60 == 0 ? $"{m}m" : $"{m}m{s % 60}s",
            _ when m < 180 => $"{m}m",
            _ when h < 8 => m % 60 == 0 ? $"{h}h" : $"{h}h{m % 60}m",
            _ when h < 48 => $"{h}h",
            _ when h < 24 * 8 => h % 24 == 0 ? $"{days}d" : $"{days}d{h % 24}h",
            _ when h < 24 * 365 * 2 => $"{days}d",
            _ when h < 24 * 365 * 8 => days % 365 == 0 ? $"{years}y" : $"{years}y{days % 365}d",
            _ => $"{years}y",
        };
    }

    // YAML gives whole numbers as long; a CRD's printer column priority is an int32.
    private static int Priority(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? (int)number
        : node is JsonValue other && other.TryGetValue<int>(out var small) ? small
        : node is JsonValue text && text.TryGetValue<string>(out var s) && int.TryParse(s, out var parsed) ? parsed
        : 0;
}
