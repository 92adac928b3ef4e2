using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CapiSdk.Testing;

namespace CapiVipAllocator.Tests.Support;

/// <summary>Plain JSON over HTTP to the test server, for objects of any version (no typed model in between).</summary>
internal sealed class RawApi(KubeApiServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", "capisdk-testing") } };

    public async Task<JsonObject> CreateAsync(string collectionPath, string json)
    {
        using var response = await _http.PostAsync(collectionPath, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {collectionPath}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A JSON merge patch; returns the status code and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> MergePatchAsync(string path, JsonObject patch)
    {
        using var content = new StringContent(patch.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await _http.PatchAsync(path, content);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : null);
    }

    public async Task DeleteAsync(string path)
    {
        using var response = await _http.DeleteAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {path}: {(int)response.StatusCode}");
    }

    public void Dispose() => _http.Dispose();
}
