using System.Xml.Linq;

namespace CapiVipAllocator.Deployment.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string DeployDirectory => Path.Combine(Root, "controller", "deploy");

    /// <summary>The bundle for one watched namespace (an overlay of <see cref="DeployDirectory"/>).</summary>
    public static string NamespacedDeployDirectory => Path.Combine(Root, "controller", "deploy-namespaced");

    public static string MonitoringDirectory => Path.Combine(DeployDirectory, "monitoring");

    public static string ReleaseDirectory => Path.Combine(Root, "controller", "release");

    public static string Dockerfile => Path.Combine(Root, "controller", "Dockerfile");

    public static string ControllerProject => Path.Combine(Root, "controller", "CapiVipAllocator", "CapiVipAllocator.csproj");

    public static string CrdDirectory => Path.Combine(Root, "crds");

    /// <summary>The version every project is built with (Directory.Build.props' VersionPrefix), e.g. "0.1.0".</summary>
    public static string Version { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CapiSdk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"CapiSdk.sln not found above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
