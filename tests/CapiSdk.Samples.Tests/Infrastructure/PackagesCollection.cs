namespace CapiSdk.Samples.Tests.Infrastructure;

/// <summary>The tests that need the packed packages: they share one pack and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
