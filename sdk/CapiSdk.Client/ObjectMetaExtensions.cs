using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>Owner references, labels and finalizers on any KubernetesClient object.</summary>
public static class ObjectMetaExtensions
{
    /// <summary>
    /// Makes <paramref name="owner"/> an owner of <paramref name="dependent"/> (replacing a reference to the same
    /// UID), so the garbage collector deletes the dependent with its owner.
    /// </summary>
    /// <param name="dependent">The object that is owned.</param>
    /// <param name="owner">The owner; it must have been read from the server (it needs its UID).</param>
    /// <param name="controller">Mark the owner as the managing controller (at most one per object).</param>
    /// <param name="blockOwnerDeletion">With foreground deletion, the owner waits for this dependent.</param>
    public static void SetOwnerReference(
        this IKubernetesObject<V1ObjectMeta> dependent,
        IKubernetesObject<V1ObjectMeta> owner,
        bool controller = true,
        bool blockOwnerDeletion = true)
    {
        ArgumentNullException.ThrowIfNull(dependent);
        ArgumentNullException.ThrowIfNull(owner);
        var uid = owner.Metadata?.Uid;
        if (string.IsNullOrEmpty(uid))
        {
            throw new ArgumentException("The owner has no metadata.uid: read it from the API server first.", nameof(owner));
        }

        dependent.Metadata ??= new V1ObjectMeta();
        var references = dependent.Metadata.OwnerReferences ??= new List<V1OwnerReference>();
        for (var i = references.Count - 1; i >= 0; i--)
        {
            if (references[i].Uid == uid)
            {
                references.RemoveAt(i);
            }
        }

        if (controller && references is not null)
        {
            foreach (var reference in references)
            {
                if (reference.Controller == true)
                {
                    throw new InvalidOperationException(
                        "The object is already controlled by " + reference.Kind + " " + reference.Name + "; an object has at most one controller.");
                }
            }
        }

        references!.Add(new V1OwnerReference
        {
            ApiVersion = owner.ApiVersion,
            Kind = owner.Kind,
            Name = owner.Metadata!.Name,
            Uid = uid,
            Controller = controller,
            BlockOwnerDeletion = blockOwnerDeletion,
        });
    }

    /// <summary>True when <paramref name="owner"/> (by UID) is among the object's owners.</summary>
    /// <param name="dependent">The object.</param>
    /// <param name="owner">The possible owner.</param>
    public static bool IsOwnedBy(
        this IKubernetesObject<V1ObjectMeta> dependent,
        IKubernetesObject<V1ObjectMeta> owner)
    {
        var uid = owner?.Metadata?.Uid;
        if (string.IsNullOrEmpty(uid) || dependent?.Metadata?.OwnerReferences is not { } references)
        {
            return false;
        }

        foreach (var reference in references)
        {
            if (reference.Uid == uid)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The owner reference marked as controller, or null.</summary>
    /// <param name="dependent">The object.</param>
    public static V1OwnerReference? GetControllerReference(this IKubernetesObject<V1ObjectMeta> dependent)
    {
        if (dependent?.Metadata?.OwnerReferences is { } references)
        {
            foreach (var reference in references)
            {
                if (reference.Controller == true)
                {
                    return reference;
                }
            }
        }

        return null;
    }

    /// <summary>Adds a finalizer if it is missing; returns true when it was added.</summary>
    /// <param name="value">The object.</param>
    /// <param name="finalizer">The finalizer, such as <c>example.com/cleanup</c>.</param>
    public static bool AddFinalizer(this IKubernetesObject<V1ObjectMeta> value, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.Metadata ??= new V1ObjectMeta();
        var finalizers = value.Metadata.Finalizers ??= new List<string>();
        if (finalizers.Contains(finalizer))
        {
            return false;
        }

        finalizers.Add(finalizer);
        return true;
    }

    /// <summary>Removes a finalizer; returns true when it was there.</summary>
    /// <param name="value">The object.</param>
    /// <param name="finalizer">The finalizer.</param>
    public static bool RemoveFinalizer(this IKubernetesObject<V1ObjectMeta> value, string finalizer) =>
        value?.Metadata?.Finalizers?.Remove(finalizer) == true;

    /// <summary>True when the object has been asked to go (it has a deletionTimestamp) and waits on finalizers.</summary>
    /// <param name="value">The object.</param>
    public static bool IsBeingDeleted(this IKubernetesObject<V1ObjectMeta> value) =>
        value?.Metadata?.DeletionTimestamp is not null;
}
