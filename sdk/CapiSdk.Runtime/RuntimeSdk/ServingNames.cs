using System.Net;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>The names a self-signed serving certificate is valid for.</summary>
internal static class ServingNames
{
    /// <summary>127.0.0.1 and ::1.</summary>
    public static IReadOnlyList<IPAddress> Loopback { get; } = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    /// <summary>
    /// The Service's names as Cluster API and in-cluster clients dial them (Cluster API uses
    /// <c>{service}.{namespace}.svc</c>), then <see cref="RuntimeExtensionOptions.ExtraDnsNames"/> and <c>localhost</c>.
    /// </summary>
    public static IReadOnlyList<string> DnsNames(RuntimeExtensionOptions options)
    {
        var names = new List<string>();
        if (!string.IsNullOrEmpty(options.ServiceName))
        {
            var service = options.ServiceName;
            if (string.IsNullOrEmpty(options.ServiceNamespace))
            {
                throw new ArgumentException($"RuntimeExtensionOptions.ServiceNamespace is required with ServiceName '{service}': Cluster API calls https://{service}.<namespace>.svc.", nameof(options));
            }

            var ns = options.ServiceNamespace;
            names.AddRange([$"{service}.{ns}.svc", $"{service}.{ns}.svc.cluster.local", $"{service}.{ns}", service]);
        }

        names.AddRange(options.ExtraDnsNames);
        names.Add("localhost");
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
