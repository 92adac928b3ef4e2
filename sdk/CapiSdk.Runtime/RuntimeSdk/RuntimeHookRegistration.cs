namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>A typed handler registration made by <see cref="RuntimeExtensionServiceCollectionExtensions.AddRuntimeHookHandler"/>.</summary>
internal sealed class RuntimeHookRegistration<TRequest, TResponse>(
    RuntimeHook<TRequest, TResponse> hook,
    string name,
    Func<IServiceProvider, Func<TRequest, CancellationToken, Task<TResponse>>> handler,
    int? timeoutSeconds,
    FailurePolicy? failurePolicy) : IRuntimeHookRegistration
    where TRequest : HookRequest
    where TResponse : HookResponse, new()
{
    public void Register(RuntimeExtensionServer server, IServiceProvider services) =>
        server.Handle(hook, name, handler(services), timeoutSeconds, failurePolicy);
}
