using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Controllers;

/// <summary>
/// A filter on the events that queue work: each function says whether a create, an update (old and new) or
/// a delete should. A missing function lets every event of that type through. See <see cref="Predicates"/>.
/// </summary>
public sealed class EventPredicate
{
    private readonly Func<IKubernetesObject<V1ObjectMeta>, bool>? _create;
    private readonly Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>, bool>? _update;
    private readonly Func<IKubernetesObject<V1ObjectMeta>, bool>? _delete;

    /// <summary>Creates a predicate from functions.</summary>
    /// <param name="create">For objects that appear; null lets all through.</param>
    /// <param name="update">For changes, given old and new; null lets all through.</param>
    /// <param name="delete">For objects that are gone; null lets all through.</param>
    public EventPredicate(
        Func<IKubernetesObject<V1ObjectMeta>, bool>? create = null,
        Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>, bool>? update = null,
        Func<IKubernetesObject<V1ObjectMeta>, bool>? delete = null)
    {
        _create = create;
        _update = update;
        _delete = delete;
    }

    /// <summary>Should the appearance of this object queue work?</summary>
    /// <param name="value">The object.</param>
    /// <returns>True to queue.</returns>
    public bool Create(IKubernetesObject<V1ObjectMeta> value) => _create?.Invoke(value) ?? true;

    /// <summary>Should this change queue work?</summary>
    /// <param name="old">The object before.</param>
    /// <param name="value">The object after.</param>
    /// <returns>True to queue.</returns>
    public bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> value) => _update?.Invoke(old, value) ?? true;

    /// <summary>Should the deletion of this object queue work?</summary>
    /// <param name="value">The object's last state.</param>
    /// <returns>True to queue.</returns>
    public bool Delete(IKubernetesObject<V1ObjectMeta> value) => _delete?.Invoke(value) ?? true;
}
