namespace CapiSdk.Runtime.Events;

/// <summary>What makes two recorded events "the same" for aggregation (client-go's getEventKey).</summary>
internal readonly record struct EventKey(
    string ApiVersion,
    string Kind,
    string Namespace,
    string Name,
    string Uid,
    string Type,
    string Reason,
    string Message,
    string Action);
