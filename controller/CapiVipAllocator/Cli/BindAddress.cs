using System.Globalization;

namespace CapiVipAllocator.Cli;

/// <summary>A listen address as Go writes it: <c>:8080</c>, <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>.</summary>
internal sealed record BindAddress(string Host, int Port)
{
    /// <summary>Parses a bind address; <c>0</c> means "off" and gives null.</summary>
    /// <exception cref="FlagException">The value is not host:port with a port from 0 to 65535.</exception>
    public static BindAddress? Parse(string flag, string value)
    {
        if (value == "0")
        {
            return null;
        }

        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            throw new FlagException($"--{flag}={value}: expected [host]:port, for example :8080 or 127.0.0.1:8080 (0 turns it off).");
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FlagException($"--{flag}={value}: the port must be a number from 0 to 65535.");
        }

        return new BindAddress(host.Length == 0 ? "0.0.0.0" : host, port);
    }

    /// <inheritdoc/>
    public override string ToString() => (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
