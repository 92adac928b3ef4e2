using System.Text;

namespace CapiSdk.Client;

/// <summary>A query string built from the parameters that have values.</summary>
internal sealed class Query
{
    private readonly StringBuilder _builder = new();

    public Query Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _builder.Append(_builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public override string ToString() => _builder.ToString();
}
