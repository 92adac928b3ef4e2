namespace CapiSdk.Testing.Faults;

/// <summary>Injects faults into requests that match the rules added to it. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(FaultRule Rule, int[] Used)> _rules = [];
    private readonly Random _random;

    internal FaultInjector(int? seed) => _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>Adds a rule. Dispose the result to remove it again.</summary>
    /// <param name="rule">The fault to inject.</param>
    /// <returns>A handle whose disposal removes the rule.</returns>
    public IDisposable Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var entry = (rule, new int[1]);
        lock (_gate)
        {
            _rules.Add(entry);
        }
        return new Removal(() =>
        {
            lock (_gate)
            {
                _rules.Remove(entry);
            }
        });
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Decides whether this request is faulted; returns the rule, or null.</summary>
    internal FaultRule? Decide(string verb, string resourceKey, string plural)
    {
        lock (_gate)
        {
            foreach (var (rule, used) in _rules)
            {
                if (rule.Kind == FaultKind.CutWatch && verb != "watch")
                {
                    continue;
                }
                if (rule.Verbs.Count > 0 && !rule.Verbs.Contains(verb, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (rule.Resources.Count > 0 && !rule.Resources.Any(r => r == resourceKey || r == plural))
                {
                    continue;
                }
                if (rule.Times is { } max && used[0] >= max)
                {
                    continue;
                }
                if (rule.Rate < 1.0 && _random.NextDouble() >= rule.Rate)
                {
                    continue;
                }
                used[0]++;
                return rule;
            }
            return null;
        }
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
