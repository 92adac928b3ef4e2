namespace CapiSdk.Testing.Conversion;

/// <summary>Finds the converter for a CRD: one registered for its Kind.group, else the webhook stand-in for strategy Webhook.</summary>
internal sealed class ConversionHooks
{
    private readonly IReadOnlyDictionary<string, CustomResourceConverter> _byGroupKind;
    private readonly CustomResourceConverter? _webhook;

    public ConversionHooks(IDictionary<string, CustomResourceConverter> byGroupKind, CustomResourceConverter? webhook)
    {
        _byGroupKind = new Dictionary<string, CustomResourceConverter>(byGroupKind, StringComparer.Ordinal);
        _webhook = webhook;
    }

    public static ConversionHooks None { get; } = new(new Dictionary<string, CustomResourceConverter>(), null);

    /// <summary>The converter for a kind, or null for strategy None (apiVersion rewritten, fields pruned).</summary>
    public CustomResourceConverter? Resolve(string group, string kind, string strategy)
    {
        var groupKind = kind + "." + group;
        if (_byGroupKind.TryGetValue(groupKind, out var registered))
        {
            return registered;
        }
        if (strategy != "Webhook")
        {
            return null;
        }
        return _webhook ?? (_ => throw new InvalidOperationException(
            $"no conversion webhook is configured for {groupKind} (spec.conversion.strategy: Webhook): set KubeApiServerOptions.ConversionWebhook or KubeApiServerOptions.Converters[\"{groupKind}\"]"));
    }
}
