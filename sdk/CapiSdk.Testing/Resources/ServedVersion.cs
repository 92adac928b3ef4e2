using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;

namespace CapiSdk.Testing.Resources;

/// <summary>One version of a resource: its name, whether it is served/stored, and its structural schema if any.</summary>
internal sealed class ServedVersion
{
    public ServedVersion(string name, bool served, bool storage, JsonObject? schema, JsonArray? printerColumns, SchemaValidator? validator = null)
    {
        Name = name;
        Served = served;
        Storage = storage;
        Schema = schema;
        PrinterColumns = printerColumns;
        Validator = validator;
    }

    public string Name { get; }
    public bool Served { get; }
    public bool Storage { get; }
    public JsonObject? Schema { get; }
    public JsonArray? PrinterColumns { get; }
    public SchemaValidator? Validator { get; }

    /// <summary>JSON paths from the CRD version's selectableFields (e.g. ".spec.color").</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>The version's <c>subresources.scale</c>, or null when it has none.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>The CRD version's <c>deprecated</c> flag: requests to it get a Warning header.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The CRD version's <c>deprecationWarning</c>, or null for the server's default text.</summary>
    public string? DeprecationWarning { get; init; }
}
