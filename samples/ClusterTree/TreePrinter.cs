using System.Globalization;
using System.Text;
using CapiSdk.Client;
using CapiSdk.Status;
using k8s;
using k8s.Models;

namespace ClusterTree;

/// <summary>
/// The table <c>clusterctl describe cluster</c> prints: a tree of objects with their Available and Ready
/// conditions, the reason of the first one that is not true, how long ago it changed, and its message.
/// </summary>
internal sealed class TreePrinter(DateTimeOffset now)
{
    private readonly List<(int Depth, string Name, string Available, string Ready, string Reason, string Since, string Message)> _rows = [];

    public void Add(int depth, IKubernetesObject<V1ObjectMeta> value, string? role = null)
    {
        var conditions = value as IHasConditions;
        var available = conditions?.GetCondition("Available");
        var ready = conditions?.GetCondition("Ready");
        var notTrue = new[] { ready, available }.FirstOrDefault(c => c is not null && c.Status != "True") ?? ready;
        var name = (role is null ? string.Empty : role + " - ") + value.Kind + "/" + value.Metadata.Name;
        _rows.Add((depth, name, available?.Status ?? string.Empty, ready?.Status ?? string.Empty,
            notTrue?.Status == "True" ? string.Empty : notTrue?.Reason ?? string.Empty, Since(notTrue?.LastTransitionTime), notTrue?.Status == "True" ? string.Empty : notTrue?.Message ?? string.Empty));
    }

    public void Group(int depth, string name) => _rows.Add((depth, name, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty));

    public string Render()
    {
        var names = _rows.Select((row, i) => Prefix(i) + row.Name).ToList();
        var width = Math.Max("NAME".Length, names.Max(n => n.Length)) + 2;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"NAME".PadRight(width)}{"AVAILABLE",-11}{"READY",-7}{"REASON",-15}{"SINCE",-7}MESSAGE");
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{names[i].PadRight(width)}{row.Available,-11}{row.Ready,-7}{row.Reason,-15}{row.Since,-7}{row.Message}").TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The tree lines: <c>├─</c> for a child with siblings after it, <c>└─</c> for the last, <c>│ </c> for open levels.</summary>
    private string Prefix(int index)
    {
        var depth = _rows[index].Depth;
        if (depth == 0)
        {
            return string.Empty;
        }

        var prefix = new StringBuilder();
        for (var level = 1; level < depth; level++)
        {
            prefix.Append(HasLaterSibling(index, level) ? "│ " : "  ");
        }

        return prefix.Append(HasLaterSibling(index, depth) ? "├─" : "└─").ToString();
    }

    /// <summary>Whether, after row <paramref name="index"/>, another row at <paramref name="level"/> comes before the tree goes up past it.</summary>
    private bool HasLaterSibling(int index, int level)
    {
        for (var i = index + 1; i < _rows.Count; i++)
        {
            if (_rows[i].Depth < level)
            {
                return false;
            }

            if (_rows[i].Depth == level)
            {
                return true;
            }
        }

        return false;
    }

    private string Since(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return string.Empty;
        }

        var age = now - t;
        return age.TotalMinutes < 1 ? $"{(int)age.TotalSeconds}s" : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m" : $"{(int)age.TotalHours}h";
    }
}
