namespace CapiSdk.Samples.Tests.Infrastructure;

/// <summary>
/// A console project in a new temporary folder outside the repository, as a new user makes one: no
/// Directory.Build.props, no central package versions; only the packed packages from the local feed (and what they
/// depend on from the default source). Deleted on dispose.
/// </summary>
internal sealed class ThrowawayProject : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("capisdk-newuser-");

    public ThrowawayProject(string program, string version, params string[] packages)
    {
        var references = string.Concat(packages.Select(p => $"""    <PackageReference Include="{p}" Version="{version}" />""" + "\n"));
        File.WriteAllText(Path.Combine(_directory.FullName, "FirstHour.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- This machine's package feed lacks some versions prometheus-net asks for (NU1603, as in tests/Directory.Build.props). -->
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory.FullName, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="local" value="{Repository.PackageFeed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="local"><package pattern="CapiSdk" /><package pattern="CapiSdk.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_directory.FullName, "Program.cs"), program);
    }

    public string Folder => _directory.FullName;

    public string RestoredAssets() => File.ReadAllText(Path.Combine(Folder, "obj", "project.assets.json"));

    public Task<(int ExitCode, string Output)> RunAsync() => DotNetCli.RunAsync(Folder, "run");

    public void Dispose() => _directory.Delete(recursive: true);
}
