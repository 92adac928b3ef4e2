using System.Runtime.CompilerServices;
using CapiSdk.Client;
using CapiSdk.Models;
using k8s;
using k8s.Models;

namespace CapiSdk.Navigation;

/// <summary>
/// Along owner references: a Machine's MachineSet, a MachineSet's MachineDeployment, and the other way round
/// (the tree <c>clusterctl describe cluster</c> shows). Matches by UID, so a same-named replacement is not taken for the owner.
/// </summary>
public static class OwnerNavigation
{
    /// <summary>
    /// The controller owner of <paramref name="dependent"/> when it is of the kind <paramref name="owners"/> serves
    /// (same namespace, same UID), or null when there is none, it is of another kind, or it is gone.
    /// </summary>
    /// <param name="dependent">The owned object, for example a Machine.</param>
    /// <param name="owners">The client of the owner kind, for example a MachineSet client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<T?> GetControllerAsync<T>(this IKubernetesObject<V1ObjectMeta> dependent, IResourceClient<T> owners, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(owners);
        if (dependent.GetControllerReference() is not { } reference)
        {
            return null;
        }

        T owner;
        try
        {
            owner = await owners.GetAsync(dependent.Metadata?.NamespaceProperty, reference.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }

        return owner.Metadata?.Uid == reference.Uid && owner.Kind == reference.Kind ? owner : null;
    }

    /// <summary>The objects of one kind in <paramref name="owner"/>'s namespace that it owns (by UID), every page.</summary>
    /// <param name="owner">The owner, for example a MachineDeployment.</param>
    /// <param name="client">The client of the owned kind, for example a MachineSet client.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async IAsyncEnumerable<T> ListOwnedAsync<T>(this IKubernetesObject<V1ObjectMeta> owner, IResourceClient<T> client, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(client);
        await foreach (var item in client.ListAllAsync(owner.Metadata?.NamespaceProperty, null, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsOwnedBy(owner))
            {
                yield return item;
            }
        }
    }
}
