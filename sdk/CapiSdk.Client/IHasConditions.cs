using k8s;
using k8s.Models;

namespace CapiSdk.Client;

/// <summary>
/// A kind whose status holds a standard conditions list, seen without naming its condition type: for code that
/// handles objects of many kinds (<c>if (value is IHasConditions o &amp;&amp; o.IsConditionTrue("Ready"))</c>). Every
/// <see cref="IHasConditions{TCondition}"/> is one.
/// </summary>
public interface IHasConditions : IKubernetesObject<V1ObjectMeta>
{
    /// <summary><c>status.conditions</c>, or null while the object has no status or no conditions.</summary>
    IEnumerable<IKubernetesCondition>? Conditions { get; }
}
