using CapiVipAllocator.Deployment.Tests.Harness;

namespace CapiVipAllocator.Deployment.Tests.Container;

/// <summary>The container tests share one image build.</summary>
[CollectionDefinition(Name)]
public sealed class ImageCollection : ICollectionFixture<ImageFixture>
{
    public const string Name = "controller image";
}
