namespace CapiSdk.Runtime.Informers;

/// <summary>One registration of informer event handlers.</summary>
/// <typeparam name="T">The kind.</typeparam>
internal sealed record EventHandlerSet<T>(Action<T>? OnAdd, Action<T, T>? OnUpdate, Action<T>? OnDelete);
