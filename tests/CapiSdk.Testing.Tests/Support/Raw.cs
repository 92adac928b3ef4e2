using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CapiSdk.Testing.Tests.Support;

/// <summary>Plain HTTP against the server, for wire-format checks.</summary>
internal static class Raw
{
    public static HttpClient Http(this KubeApiServer server) => new() { BaseAddress = server.BaseAddress, Timeout = TestContext.Limit };

    public static async Task<(int Code, JsonObject Body, HttpResponseMessage Response)> SendAsync(this HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var response = await http.SendAsync(request, TestContext.Token);
        var text = await response.Content.ReadAsStringAsync(TestContext.Token);
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject(), response);
    }

    public static Task<(int Code, JsonObject Body, HttpResponseMessage Response)> GetJsonAsync(this HttpClient http, string path) => http.SendAsync(HttpMethod.Get, path);

    /// <summary>Opens a watch and yields each newline-delimited event.</summary>
    public static async Task<WatchReader> WatchAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, TestContext.Token);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Token);
        return new WatchReader(response, new StreamReader(stream));
    }
}
