using System.Text.Json.Nodes;
using CapiSdk.Testing.Tests.Support;

namespace CapiSdk.Testing.Tests.Versions;

/// <summary>
/// Versions as the apiextensions server serves them: objects are stored in the storage version and converted on
/// every read and write; strategy None only rewrites apiVersion and prunes against the target version's schema.
/// </summary>
public sealed class ConversionTests
{
    [Fact]
    public async Task With_strategy_None_a_field_the_storage_version_lacks_is_pruned_when_stored()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        var (code, created, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1alpha1"), Things.Body("v1alpha1", "t1", new JsonObject { ["size"] = "big", ["legacy"] = "x" }));
        var (_, asV1, _) = await http.GetJsonAsync(Things.Path("v1", "t1"));
        var (_, asAlpha, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));

        Assert.Equal(201, code);
        Assert.Equal("conv.example.com/v1alpha1", (string?)created["apiVersion"]);
        Assert.Null(created["spec"]!["legacy"]);
        Assert.Equal("conv.example.com/v1", (string?)asV1["apiVersion"]);
        Assert.Equal("big", (string?)asV1["spec"]!["size"]);
        Assert.Null(asV1["spec"]!["legacy"]);
        Assert.Equal("conv.example.com/v1alpha1", (string?)asAlpha["apiVersion"]);
        Assert.Null(asAlpha["spec"]!["legacy"]);
    }

    [Fact]
    public async Task With_strategy_None_a_field_the_requested_version_lacks_is_pruned_on_read()
    {
        await using var server = await Things.StartAsync();
        using var http = server.Http();

        await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", new JsonObject { ["size"] = "big", ["replicas"] = 3 }));
        var (_, asAlpha, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));
        var (_, list, _) = await http.GetJsonAsync(Things.Path("v1alpha1"));
        var (_, asV1, _) = await http.GetJsonAsync(Things.Path("v1", "t1"));

        Assert.Equal("conv.example.com/v1alpha1", (string?)asAlpha["apiVersion"]);
        Assert.Null(asAlpha["spec"]!["replicas"]);
        Assert.Null(list["items"]![0]!["spec"]!["replicas"]);
        Assert.Equal(3, (int)asV1["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_registered_converter_is_used_on_write_and_on_read()
    {
        await using var server = await Things.StartAsync(configure: o => o.Converters["Thing.conv.example.com"] = Things.CountToReplicas);
        using var http = server.Http();

        var (code, created, _) = await http.SendAsync(HttpMethod.Post, Things.Path("v1alpha1"), Things.Body("v1alpha1", "t1", new JsonObject { ["count"] = 3 }));
        var (_, asV1, _) = await http.GetJsonAsync(Things.Path("v1", "t1"));
        var (_, listAlpha, _) = await http.GetJsonAsync(Things.Path("v1alpha1"));
        var (patchCode, patched, _) = await http.SendAsync(HttpMethod.Patch, Things.Path("v1alpha1", "t1"), """{"spec":{"count":5}}""", "application/merge-patch+json");
        var (_, afterPatch, _) = await http.GetJsonAsync(Things.Path("v1", "t1"));

        Assert.Equal(201, code);
        Assert.Equal(3, (int)created["spec"]!["count"]!);
        Assert.Equal(3, (int)asV1["spec"]!["replicas"]!);
        Assert.Null(asV1["spec"]!["count"]);
        Assert.Equal(3, (int)listAlpha["items"]![0]!["spec"]!["count"]!);
        Assert.Equal(200, patchCode);
        Assert.Equal(5, (int)patched["spec"]!["count"]!);
        Assert.Equal(5, (int)afterPatch["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task A_Webhook_strategy_CRD_uses_the_conversion_webhook_stand_in()
    {
        await using var server = await Things.StartAsync("Webhook\n    webhook:\n      conversionReviewVersions: [v1]\n      clientConfig: {url: 'https://127.0.0.1:1/convert'}",
            configure: o => o.ConversionWebhook = Things.CountToReplicas);
        using var http = server.Http();

        await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", new JsonObject { ["replicas"] = 2 }));
        var (code, asAlpha, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));

        Assert.Equal(200, code);
        Assert.Equal(2, (int)asAlpha["spec"]!["count"]!);
    }

    [Fact]
    public async Task A_failing_conversion_answers_500_InternalError_naming_the_webhook_and_its_message()
    {
        await using var server = await Things.StartAsync(configure: o => o.Converters["Thing.conv.example.com"] = _ => throw new InvalidOperationException("boom"));
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", new JsonObject { ["replicas"] = 2 }));

        var (code, status, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));
        var (listCode, _, _) = await http.GetJsonAsync(Things.Path("v1alpha1"));

        Assert.Equal(500, code);
        Assert.Equal("InternalError", (string?)status["reason"]);
        Assert.Equal("Internal error occurred: conversion webhook for conv.example.com/v1, Kind=Thing failed: boom", (string?)status["message"]);
        Assert.Equal(500, listCode);
    }

    [Fact]
    public async Task A_converter_answer_in_the_wrong_apiVersion_is_refused()
    {
        await using var server = await Things.StartAsync(configure: o => o.Converters["Thing.conv.example.com"] = r => r.Objects);
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", new JsonObject { ["replicas"] = 2 }));

        var (code, status, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));

        Assert.Equal(500, code);
        Assert.Equal("Internal error occurred: conversion webhook for conv.example.com/v1, Kind=Thing returned invalid converted object at index 0: invalid groupVersion (expected conv.example.com/v1alpha1, received conv.example.com/v1)", (string?)status["message"]);
    }

    [Fact]
    public async Task Strategy_Webhook_without_a_stand_in_fails_conversions_saying_what_to_set()
    {
        await using var server = await Things.StartAsync("Webhook\n    webhook:\n      conversionReviewVersions: [v1]\n      clientConfig: {url: 'https://127.0.0.1:1/convert'}");
        using var http = server.Http();
        await http.SendAsync(HttpMethod.Post, Things.Path("v1"), Things.Body("v1", "t1", new JsonObject { ["replicas"] = 2 }));

        var (code, status, _) = await http.GetJsonAsync(Things.Path("v1alpha1", "t1"));

        Assert.Equal(500, code);
        Assert.Contains("KubeApiServerOptions.ConversionWebhook", (string?)status["message"], StringComparison.Ordinal);
    }
}
