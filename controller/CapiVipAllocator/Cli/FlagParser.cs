using System.Globalization;
using System.Text.RegularExpressions;

namespace CapiVipAllocator.Cli;

/// <summary>
/// Parses the controller's flags the way Go's <c>flag</c> package does: <c>--flag=value</c> and
/// <c>--flag value</c> (one or two dashes), booleans as <c>--flag</c> or <c>--flag=false</c>. Every problem is a
/// <see cref="FlagException"/> naming the flag and what it accepts.
/// </summary>
internal static partial class FlagParser
{
    private static readonly string[] Booleans = ["enable-reconciler", "enable-runtime-extension", "leader-elect"];

    private static readonly string[] Values =
    [
        "runtime-extension-port", "runtime-extension-name", "leader-election-namespace", "leader-election-id",
        "default-port", "metrics-bind-address", "health-probe-bind-address", "kubeconfig", "namespace",
        "max-concurrent-reconciles", "variable-name",
    ];

    /// <summary>The flags, one per line, for <c>--help</c> and error messages.</summary>
    public const string Usage = """
        usage: capi-vip-allocator [flags]        run the controller against --kubeconfig or the in-cluster config
               capi-vip-allocator demo [--clusters N] [--keep]   run it against an in-process API server

          --enable-reconciler=true            allocate VIPs (the controller)
          --enable-runtime-extension=false    serve the Runtime SDK BeforeClusterCreate hook over HTTPS
          --runtime-extension-port=9443       the hook server's port
          --runtime-extension-name=vip-allocator   the ExtensionConfig's name
          --leader-elect=false                one active replica, through a Lease
          --leader-election-namespace=        the Lease's namespace (default: POD_NAMESPACE, the pod's namespace, capi-system)
          --leader-election-id=capi-vip-allocator   the Lease's name
          --default-port=6443                 control-plane port written when the Cluster has none
          --metrics-bind-address=:8080        /metrics (0 turns it off)
          --health-probe-bind-address=:8081   /healthz and /readyz (0 turns them off)
          --kubeconfig=                       kubeconfig file (default: in-cluster, then KUBECONFIG, then ~/.kube/config)
          --namespace=                        watch only this namespace (default: all)
          --max-concurrent-reconciles=4       Clusters reconciled at once
          --variable-name=clusterVip          topology variable that receives the VIP
        """;

    /// <summary>Parses the controller flags.</summary>
    /// <exception cref="FlagException">A flag is unknown, repeated without a value, or has a bad value.</exception>
    public static AllocatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AllocatorOptions();
        foreach (var (name, value) in Split(args, Booleans, Values))
        {
            options = Apply(options, name, value);
        }

        return options;
    }

    /// <summary>Splits arguments into (flag, value) pairs; a boolean without a value is "true".</summary>
    /// <exception cref="FlagException">An argument is not a known flag, or a value is missing.</exception>
    public static IEnumerable<(string Name, string Value)> Split(IReadOnlyList<string> args, string[] booleans, string[] values)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-" || arg == "--")
            {
                throw new FlagException($"unexpected argument \"{arg}\": flags start with --, for example --leader-elect.");
            }

            var body = arg.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            if (booleans.Contains(name))
            {
                yield return (name, equals < 0 ? "true" : body[(equals + 1)..]);
            }
            else if (values.Contains(name))
            {
                if (equals >= 0)
                {
                    yield return (name, body[(equals + 1)..]);
                }
                else if (i + 1 < args.Count)
                {
                    yield return (name, args[++i]);
                }
                else
                {
                    throw new FlagException($"flag needs a value: --{name}");
                }
            }
            else
            {
                throw new FlagException($"flag provided but not defined: --{name}");
            }
        }
    }

    /// <summary>Reads a boolean flag value as Go's strconv.ParseBool does.</summary>
    /// <exception cref="FlagException">The value is not a boolean.</exception>
    public static bool ParseBool(string name, string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new FlagException($"invalid boolean value \"{value}\" for --{name}: use true or false."),
    };

    /// <summary>Reads an integer flag in a range.</summary>
    /// <exception cref="FlagException">The value is not an integer in [min, max].</exception>
    public static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FlagException($"invalid value \"{value}\" for --{name}: expected a whole number from {min} to {max}.");

    private static AllocatorOptions Apply(AllocatorOptions options, string name, string value) => name switch
    {
        "enable-reconciler" => options with { EnableReconciler = ParseBool(name, value) },
        "enable-runtime-extension" => options with { EnableRuntimeExtension = ParseBool(name, value) },
        "leader-elect" => options with { LeaderElect = ParseBool(name, value) },
        "runtime-extension-port" => options with { RuntimeExtensionPort = ParseInt(name, value, 1, 65535) },
        "runtime-extension-name" => options with { RuntimeExtensionName = DnsName(name, value) },
        "leader-election-namespace" => options with { LeaderElectionNamespace = DnsLabel(name, value) },
        "leader-election-id" => options with { LeaderElectionId = DnsName(name, value) },
        "default-port" => options with { DefaultPort = ParseInt(name, value, 1, 65535) },
        "metrics-bind-address" => options with { MetricsBindAddress = BindAddress.Parse(name, value) },
        "health-probe-bind-address" => options with { HealthProbeBindAddress = BindAddress.Parse(name, value) },
        "kubeconfig" => options with { Kubeconfig = ExistingFile(name, value) },
        "namespace" => options with { Namespace = value.Length == 0 ? null : DnsLabel(name, value) },
        "max-concurrent-reconciles" => options with { MaxConcurrentReconciles = ParseInt(name, value, 1, 1024) },
        "variable-name" => options with { VariableName = VariableName(name, value) },
        _ => throw new FlagException($"flag provided but not defined: --{name}"),
    };

    private static string DnsName(string name, string value) =>
        value.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(value)
            ? value
            : throw new FlagException($"invalid value \"{value}\" for --{name}: expected a DNS name (lower-case letters, digits, '-' and '.').");

    private static string DnsLabel(string name, string value) =>
        value.Length is > 0 and <= 63 && DnsLabelPattern().IsMatch(value)
            ? value
            : throw new FlagException($"invalid value \"{value}\" for --{name}: expected a namespace name (lower-case letters, digits and '-', at most 63).");

    private static string VariableName(string name, string value) =>
        value.Length > 0 && VariablePattern().IsMatch(value)
            ? value
            : throw new FlagException($"invalid value \"{value}\" for --{name}: expected a ClusterClass variable name (letters, digits, '_', starting with a letter).");

    private static string ExistingFile(string name, string value) =>
        File.Exists(value) ? value : throw new FlagException($"--{name}={value}: no such file; pass the path of a kubeconfig.");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex VariablePattern();
}
