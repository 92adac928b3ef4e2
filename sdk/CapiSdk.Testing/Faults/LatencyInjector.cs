using System.Collections.Concurrent;

namespace CapiSdk.Testing.Faults;

/// <summary>Delays requests before they are served: a default for every request and overrides per verb.</summary>
public sealed class LatencyInjector
{
    private readonly ConcurrentDictionary<string, TimeSpan> _byVerb = new(StringComparer.OrdinalIgnoreCase);

    internal LatencyInjector()
    {
    }

    /// <summary>Delay added to every request without a verb-specific delay. Default zero.</summary>
    public TimeSpan Default { get; set; }

    /// <summary>Sets the delay for one verb (get, list, watch, create, update, patch, delete, deletecollection).</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="delay">The delay; zero removes the override.</param>
    public void Set(string verb, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _byVerb.TryRemove(verb, out _);
        }
        else
        {
            _byVerb[verb] = delay;
        }
    }

    /// <summary>Removes every delay.</summary>
    public void Clear()
    {
        Default = TimeSpan.Zero;
        _byVerb.Clear();
    }

    internal TimeSpan For(string verb) => _byVerb.TryGetValue(verb, out var d) ? d : Default;
}
