using CapiSdk.Testing.Diagnostics;
using CapiSdk.Testing.Tests.Support;
using k8s;
using k8s.Models;

namespace CapiSdk.Testing.Tests.Faults;

public sealed class RequestRecordingTests
{
    [Fact]
    public async Task Recording_lists_each_request_with_verb_group_resource_subresource_namespace_name_and_token()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        using var recording = server.Counters.StartRecording();

        await client.CreateAsync(Widgets.New("w1"));
        await client.PatchAsync("w1", """{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch);
        await client.CustomObjects.ListClusterCustomObjectAsync("example.com", "v1", "widgets", cancellationToken: TestContext.Token);
        await client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Token);

        Assert.Equal(
            [
                new RequestRecord("create", "example.com", "widgets", null, "default", null, "capisdk-testing"),
                new RequestRecord("patch", "example.com", "widgets", null, "default", "w1", "capisdk-testing"),
                new RequestRecord("list", "example.com", "widgets", null, null, null, "capisdk-testing"),
                new RequestRecord("list", "", "namespaces", null, null, null, "capisdk-testing"),
            ],
            recording.Requests);
    }

    [Fact]
    public async Task Recording_names_the_status_subresource_and_stops_when_disposed()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CreateAsync(Widgets.New("w1"));
        var recording = server.Counters.StartRecording();

        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"phase":"Ready"}}""", V1Patch.PatchType.MergePatch), "example.com", "v1", "default", "widgets", "w1",
            cancellationToken: TestContext.Token);
        recording.Dispose();
        await client.GetWidgetAsync("w1");

        Assert.Equal([new RequestRecord("patch", "example.com", "widgets", "status", "default", "w1", "capisdk-testing")], recording.Requests);
    }
}
