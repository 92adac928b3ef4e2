using CapiSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace CapiSdk.Generator.Tests.Packaging;

/// <summary>
/// The packed CapiSdk.Generator is a working analyzer package: a project that references the package (not
/// the project) and CapiSdk.Client, and holds a CRD, builds with warnings as errors and serializes its generated model.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    public void A_project_referencing_the_packed_package_builds_its_models_and_runs()
    {
        var repository = Path.GetFullPath(Path.Combine(ExpectedFiles.ProjectDirectory(), "..", ".."));
        var work = Directory.CreateTempSubdirectory("capisdk-package-").FullName;
        var feed = Path.Combine(work, "feed");
        var consumer = Path.Combine(work, "consumer");
        var version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            foreach (var project in new[] { "sdk/CapiSdk.Client", "generator/CapiSdk.Generator" })
            {
                var pack = DotNetCli.Run(repository, "pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            Directory.CreateDirectory(Path.Combine(consumer, "crds"));
            File.Copy(Path.Combine("Fixtures", "widgets.yaml"), Path.Combine(consumer, "crds", "widgets.yaml"));
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                    <add key="feed" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RootNamespace>Consumer</RootNamespace>
                    <CapiSdkNamespace>Acme.Crds</CapiSdkNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="CapiSdk.Generator" Version="{version}" />
                    <PackageReference Include="CapiSdk.Client" Version="{version}" />
                    <PackageReference Include="KubernetesClient" Version="21.0.8" />
                    <AdditionalFiles Include="crds/*.yaml" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using System.Text.Json;
                using Acme.Crds;
                using Acme.Crds.Example.V1;

                var widget = new Widget { Metadata = new() { Name = "w1" }, Spec = new WidgetSpec { Size = 3, Color = WidgetColor.Red, Port = 8080 } };
                CapiSdk.Client.IntOrString port = widget.Spec.Port!.Value;
                Console.WriteLine(JsonSerializer.Serialize(widget, CrdJsonContext.Default.Widget) + " " + port.IntValue);
                """);

            var run = DotNetCli.Run(consumer, "run");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":3,"color":"red","port":8080}} 8080""", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
