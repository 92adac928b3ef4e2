using System.Text.Json.Nodes;
using CapiSdk.Testing.Resources;
using CapiSdk.Testing.Schema;
using CapiSdk.Testing.Storage;

namespace CapiSdk.Testing.Http;

/// <summary>Keeps the served resources in step with the CustomResourceDefinition objects in the store.</summary>
internal sealed class CrdSync
{
    private readonly ResourceRegistry _registry;
    private readonly ObjectStore _store;
    private readonly Conversion.ConversionHooks _hooks;

    public CrdSync(ResourceRegistry registry, ObjectStore store, Conversion.ConversionHooks hooks)
    {
        _registry = registry;
        _store = store;
        _hooks = hooks;
    }

    /// <summary>Checks a CRD body before it is stored; answers 422 Invalid for what the real server rejects.</summary>
    public static async Task<ResourceType> CheckAsync(JsonObject crd, CancellationToken ct, Conversion.ConversionHooks? hooks = null)
    {
        var name = (string?)crd["metadata"]?["name"] ?? "";
        var t = BuiltInResources.CustomResourceDefinitions;
        ResourceType type;
        try
        {
            type = await CrdReader.ReadAsync(crd, hooks ?? Conversion.ConversionHooks.None, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException)
        {
            throw ApiException.Invalid(t, name, [new FieldError("FieldValueInvalid", $"Invalid value: {e.Message}", "spec")]);
        }
        if (name != type.Key)
        {
            throw ApiException.Invalid(t, name, [new FieldError("FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group", "metadata.name")]);
        }
        if (type.Versions.Count(v => v.Storage) != 1)
        {
            throw ApiException.Invalid(t, name, [new FieldError("FieldValueInvalid", "Invalid value: must have exactly one version marked as storage version", "spec.versions")]);
        }
        return type;
    }

    /// <summary>Registers (or re-registers) the resource a stored CRD defines.</summary>
    public async Task SyncAsync(JsonObject crd, CancellationToken ct)
    {
        if (crd["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        _registry.Add(await CrdReader.ReadAsync(crd, _hooks, ct).ConfigureAwait(false));
    }

    /// <summary>Stops serving a deleted CRD's resource and deletes all its objects, as the apiextensions server does.</summary>
    public void Remove(string crdName)
    {
        var type = _registry.FindByKey(crdName);
        if (type is null)
        {
            return;
        }
        _registry.Remove(crdName);
        _store.Write(w =>
        {
            foreach (var o in w.All(type.Key).ToList())
            {
                w.Remove(o);
            }
            return 0;
        });
    }
}
