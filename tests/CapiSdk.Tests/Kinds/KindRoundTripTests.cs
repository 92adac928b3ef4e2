using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiSdk.Client;
using CapiSdk.Generator.Tests.Infrastructure;
using CapiSdk.Models;
using CapiSdk.Testing;
using CapiSdk.Tests.Schemas;
using k8s;
using k8s.Models;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace CapiSdk.Tests.Kinds;

/// <summary>
/// Every kind-version the SDK ships, served by CapiSdk.Testing from crds/ (as a newer release would serve it):
/// a realistic object, with fields the SDK does not know at every level, survives read → write through the
/// typed client unchanged.
/// </summary>
public sealed class KindRoundTripTests(KindServerFixture fixture, ITestOutputHelper output) : IClassFixture<KindServerFixture>
{
    [Theory]
    [MemberData(nameof(CrdDocuments.KindVersions), MemberType = typeof(CrdDocuments))]
    public async Task A_realistic_object_with_unknown_fields_survives_read_then_write_through_the_typed_client(string file, string version)
    {
        var crd = CrdDocuments.Our(file);
        var (group, kind, plural) = (crd.Group!, crd.Kind!, crd.Root.Str("spec.names.plural")!);
        var namespaced = crd.Root.Str("spec.scope") == "Namespaced";
        var versionNode = crd.Version(version)!;
        var hasStatus = versionNode.Get("subresources.status") is not null;
        var server = fixture.Server;
        using var http = Http(server);
        var collection = $"/apis/{group}/{version}/" + (namespaced ? "namespaces/default/" : string.Empty) + plural;
        var name = $"{plural}-{version}";

        var sample = new SampleFactory().CreateObject($"{group}/{version}", kind, (YamlMappingNode?)versionNode.Get("schema.openAPIV3Schema"), namespaced);
        var metadata = sample["metadata"]!.AsObject();
        metadata["name"] = name;
        foreach (var serverOwned in new[] { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "generateName", "ownerReferences", "finalizers" })
        {
            metadata.Remove(serverOwned);
        }

        var status = sample["status"]?.DeepClone();
        var created = await WriteValidAsync(http, HttpMethod.Post, collection, sample);
        if (hasStatus && status is not null)
        {
            created["status"] = status;
            created = await WriteValidAsync(http, HttpMethod.Put, $"{collection}/{name}/status", created);
        }

        var stored = await GetAsync(http, $"{collection}/{name}");
        var nested = versionNode.Get("schema.openAPIV3Schema.properties.spec.properties") is not null || versionNode.Get("schema.openAPIV3Schema.properties.status.properties") is not null;
        Assert.True(UnknownFieldDepths(stored).Any(d => d >= (nested ? 1 : 0)), $"{kind} {version}: no unknown field survived{(nested ? " below the root" : string.Empty)}, so the test proves nothing:\n{stored}");
        output.WriteLine($"{kind} {version}: {Count(stored)} values stored, unknown fields at depths {string.Join(",", UnknownFieldDepths(stored).Distinct().Order())}");

        var written = await (Task<JsonNode>)typeof(KindRoundTripTests).GetMethod(nameof(TypedReadWriteAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(ModelType(group, version, kind))
            .Invoke(null, [server, namespaced, name, hasStatus])!;

        var after = await GetAsync(http, $"{collection}/{name}");
        Assert.Null(JsonDiff.FirstDifference(WithoutVolatile(stored), WithoutVolatile(written)));
        Assert.Null(JsonDiff.FirstDifference(WithoutVolatile(stored), WithoutVolatile(after)));
    }

    /// <summary>Reads through the typed client, writes the model back (object and status), returns what the model serializes to.</summary>
    private static async Task<JsonNode> TypedReadWriteAsync<T>(KubeApiServer server, bool namespaced, string name, bool hasStatus)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var kubernetes = server.CreateClient();
        var clientType = typeof(T).Assembly.GetType(typeof(T).FullName + "Client")!;
        var client = (IResourceClient<T>)Activator.CreateInstance(clientType, kubernetes)!;
        var model = await client.GetAsync(namespaced ? "default" : null, name, CancellationToken.None);
        var typeInfo = CrdJsonContext.Default.GetTypeInfo(typeof(T))!;
        var json = JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo))!;

        var replaced = await Invoke<T>(clientType, client, "ReplaceAsync", model);
        if (hasStatus)
        {
            await Invoke<T>(clientType, client, "ReplaceStatusAsync", replaced);
        }

        return json;
    }

    private static Task<T> Invoke<T>(Type clientType, object client, string method, T value) =>
        (Task<T>)clientType.GetMethod(method)!.Invoke(client, [value, null, CancellationToken.None])!;

    private static Type ModelType(string group, string version, string kind) =>
        typeof(CrdJsonContext).Assembly.GetExportedTypes().Single(t =>
            t.GetCustomAttributes(typeof(KubernetesEntityAttribute), false).Cast<KubernetesEntityAttribute>()
                .Any(a => a.Group == group && a.ApiVersion == version && a.Kind == kind));

    /// <summary>
    /// Sends the sample; where the server finds a field invalid, the value is repaired when the message says what
    /// is allowed (an enum's values, a pattern) and dropped otherwise (a CEL rule the generated value breaks), and the
    /// sample is sent again, so what is stored is as much of it as is valid.
    /// </summary>
    private async Task<JsonObject> WriteValidAsync(HttpClient http, HttpMethod method, string path, JsonObject body)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text)!.AsObject();
            }

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {text}");
            var causes = (JsonNode.Parse(text)?["details"]?["causes"]?.AsArray() ?? []).OfType<JsonNode>().ToList();
            var removed = 0;
            foreach (var cause in causes)
            {
                if (cause["field"]?.GetValue<string>() is not { } field)
                {
                    continue;
                }

                var message = cause["message"]?.GetValue<string>() ?? string.Empty;
                if (SampleRepair.Replacement(message) is { } value && SamplePath.Set(body, field, value))
                {
                    removed++;
                    output.WriteLine($"set {field} = {value}: {message}");
                }
                else if (SamplePath.Remove(body, field))
                {
                    removed++;
                    output.WriteLine($"dropped {field}: {message}");
                }
            }

            Assert.True(removed > 0, $"{method} {path}: 422 names no field of the sample to drop: {text}");
        }

        throw new InvalidOperationException($"{path}: still invalid after 400 attempts");
    }

    private static JsonNode WithoutVolatile(JsonNode node)
    {
        var copy = node.DeepClone();
        copy["metadata"]!.AsObject().Remove("resourceVersion");
        copy["metadata"]!.AsObject().Remove("managedFields");
        return copy;
    }

    private static IEnumerable<int> UnknownFieldDepths(JsonNode? node, int depth = 0) => node switch
    {
        JsonObject obj => obj.SelectMany(p => (p.Key.StartsWith("x-unknown-field-", StringComparison.Ordinal) ? [depth] : Enumerable.Empty<int>()).Concat(UnknownFieldDepths(p.Value, depth + 1))),
        JsonArray array => array.SelectMany(v => UnknownFieldDepths(v, depth + 1)),
        _ => [],
    };

    private static int Count(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => Count(p.Value)),
        JsonArray array => array.Sum(Count),
        _ => 1,
    };

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        var text = await http.GetStringAsync(path);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static HttpClient Http(KubeApiServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.CreateClientConfiguration().AccessToken);
        return http;
    }
}
