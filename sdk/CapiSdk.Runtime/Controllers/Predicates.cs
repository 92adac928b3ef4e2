using k8s;
using k8s.Models;

namespace CapiSdk.Runtime.Controllers;

/// <summary>controller-runtime's common predicates.</summary>
public static class Predicates
{
    /// <summary>
    /// Updates pass only when <c>metadata.generation</c> changed, that is the spec changed (status-only writes and
    /// resyncs are dropped). Creates and deletes pass.
    /// </summary>
    public static EventPredicate GenerationChanged { get; } = new(update: (old, value) => old.Metadata?.Generation != value.Metadata?.Generation);

    /// <summary>Updates pass only when the resourceVersion changed (drops periodic resyncs). Creates and deletes pass.</summary>
    public static EventPredicate ResourceVersionChanged { get; } = new(update: (old, value) => old.Metadata?.ResourceVersion != value.Metadata?.ResourceVersion);

    /// <summary>Updates pass only when the labels changed. Creates and deletes pass.</summary>
    public static EventPredicate LabelsChanged { get; } = new(update: (old, value) => !SameMap(old.Metadata?.Labels, value.Metadata?.Labels));

    /// <summary>Updates pass only when the annotations changed. Creates and deletes pass.</summary>
    public static EventPredicate AnnotationsChanged { get; } = new(update: (old, value) => !SameMap(old.Metadata?.Annotations, value.Metadata?.Annotations));

    /// <summary>Events pass only for objects with the label (and value, when given); for updates, the new object decides.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The value it must have, or null for any.</param>
    /// <returns>The predicate.</returns>
    public static EventPredicate HasLabel(string key, string? value = null) =>
        ForObject(o => o.Metadata?.Labels is { } labels && labels.TryGetValue(key, out var v) && (value is null || v == value));

    /// <summary>Events pass only for objects with the annotation (and value, when given); for updates, the new object decides.</summary>
    /// <param name="key">The annotation key.</param>
    /// <param name="value">The value it must have, or null for any.</param>
    /// <returns>The predicate.</returns>
    public static EventPredicate HasAnnotation(string key, string? value = null) =>
        ForObject(o => o.Metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var v) && (value is null || v == value));

    /// <summary>
    /// Events pass only for objects whose labels match a selector: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>,
    /// <c>!a</c>, <c>a in (x,y)</c>, <c>a notin (x,y)</c>, joined by commas. For updates, the new object decides.
    /// </summary>
    /// <param name="selector">The selector.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="FormatException">The selector cannot be read.</exception>
    public static EventPredicate LabelSelector(string selector)
    {
        var matcher = LabelSelectorMatcher.Parse(selector);
        return ForObject(o => matcher.Matches(o.Metadata?.Labels));
    }

    /// <summary>A predicate that tests one object: the object for creates and deletes, the new object for updates.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The predicate.</returns>
    public static EventPredicate ForObject(Func<IKubernetesObject<V1ObjectMeta>, bool> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return new EventPredicate(test, (_, value) => test(value), test);
    }

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        return a is null || a.All(pair => b!.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
