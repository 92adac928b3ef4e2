namespace CapiSdk.Testing;

/// <summary>When garbage collection (ownerReference cascades, foreground/orphan finalizers, namespace emptying) runs.</summary>
public enum GarbageCollectionMode
{
    /// <summary>
    /// On a background worker shortly after the change that triggered it (after <see cref="KubeApiServerOptions.GarbageCollectionDelay"/>),
    /// as a cluster's garbage collector and namespace controller do: an owner's DELETE returns while its dependents still exist.
    /// </summary>
    Asynchronous,

    /// <summary>Inside the change that triggers it: dependents are gone when the owner's DELETE returns. Simpler to test, but hides ordering bugs.</summary>
    Synchronous,
}
