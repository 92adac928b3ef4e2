namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>A handler registered in DI, added to the server when the server is created.</summary>
internal interface IRuntimeHookRegistration
{
    /// <summary>Adds the handler to the server, resolving it from the services.</summary>
    void Register(RuntimeExtensionServer server, IServiceProvider services);
}
