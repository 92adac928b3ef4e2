using System.Text.Json.Nodes;
using CapiSdk.Testing.Schema;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Schema;

/// <summary>A server that starts with CRDs an earlier one compiled reuses the compiled schemas, by content.</summary>
public sealed class SchemaCacheTests
{
    private static JsonObject Schema(string marker) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [marker] = new JsonObject { ["type"] = "string" } } } },
    };

    [Fact]
    public async Task The_same_schema_content_gives_the_same_compiled_schema_and_changed_content_a_new_one()
    {
        var marker = "f" + Guid.NewGuid().ToString("N");

        var first = await SchemaCache.GetOrCompileAsync(Schema(marker), TestContext.Token);
        var again = await SchemaCache.GetOrCompileAsync(Schema(marker), TestContext.Token);
        var changed = await SchemaCache.GetOrCompileAsync(Schema(marker + "x"), TestContext.Token);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_schema_share_one_compilation()
    {
        var marker = "f" + Guid.NewGuid().ToString("N");

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SchemaCache.GetOrCompileAsync(Schema(marker), TestContext.Token))));

        Assert.All(all, v => Assert.Same(all[0], v));
    }

    [Fact]
    public async Task A_schema_that_does_not_compile_fails_every_time_it_is_asked_for()
    {
        var bad = JsonNode.Parse("""{"type":"object","x-kubernetes-validations":[{"rule":"self.("}]}""")!.AsObject();

        await Assert.ThrowsAnyAsync<FormatException>(() => SchemaCache.GetOrCompileAsync(bad, TestContext.Token));
        await Assert.ThrowsAnyAsync<FormatException>(() => SchemaCache.GetOrCompileAsync(bad, TestContext.Token));
    }
}
