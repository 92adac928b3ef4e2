using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Pipeline;

/// <summary>
/// One CRD file's share of the JSON context: its resource versions (duplicates of another file's left out), so that
/// editing one file re-emits only its own metadata source. <c>CanEmit</c>: KubernetesClient and CapiSdk.Client are referenced.
/// </summary>
internal sealed record JsonFileRequest(string FileId, string RootNamespace, bool CanEmit, EquatableArray<ResourceModel> Resources);
