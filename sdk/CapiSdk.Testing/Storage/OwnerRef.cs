namespace CapiSdk.Testing.Storage;

/// <summary>The parts of a metadata.ownerReferences entry that garbage collection needs.</summary>
internal sealed record OwnerRef(string Uid, string Kind, string Name, string ApiVersion, bool BlockOwnerDeletion);
