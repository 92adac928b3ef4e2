using System.Text.Json.Serialization.Metadata;

namespace CapiSdk.Runtime.RuntimeSdk;

/// <summary>
/// A Runtime SDK hook: its name, its request and response types and their JSON metadata. The hooks are the members
/// of <see cref="RuntimeHooks"/>; pass one to <see cref="RuntimeExtensionServer.Handle"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public sealed class RuntimeHook<TRequest, TResponse>
    where TRequest : HookRequest
    where TResponse : HookResponse, new()
{
    internal RuntimeHook(string name, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType)
    {
        Name = name;
        RequestType = requestType;
        ResponseType = responseType;
    }

    /// <summary>The hook's name, e.g. <c>BeforeClusterCreate</c> (<c>requestHook.hook</c> in discovery).</summary>
    public string Name { get; }

    /// <summary>The request's <c>kind</c>, e.g. <c>BeforeClusterCreateRequest</c>.</summary>
    public string RequestKind => Name + "Request";

    /// <summary>The URL path of a handler of this hook: <c>/hooks.runtime.cluster.x-k8s.io/v1alpha1/{hook, lower case}/{handler name}</c>.</summary>
    /// <param name="handlerName">The handler's name.</param>
    /// <returns>The path Cluster API posts to.</returns>
    public string PathFor(string handlerName) => RuntimeHooks.PathFor(Name, handlerName);

    internal JsonTypeInfo<TRequest> RequestType { get; }

    internal JsonTypeInfo<TResponse> ResponseType { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
