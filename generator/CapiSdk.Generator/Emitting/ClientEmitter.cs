using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits the typed client of a kind: a class over CapiSdk.Client's base for the kind's scope and subresources
/// (<c>NamespacedResourceClient</c>, <c>ClusterResourceClient</c>, or their <c>…StatusResourceClient</c> forms), which
/// hold every verb with the parameters that scope needs and a CancellationToken on every call; the class itself is
/// the kind's descriptor and a constructor that binds the context's JSON metadata.
/// </summary>
internal static class ClientEmitter
{
    public static void Emit(SourceWriter writer, ResourceModel resource)
    {
        var kind = resource.Root.Name;
        var list = resource.ListTypeName;
        var client = ClientLibrary.Prefix;
        var context = "global::" + resource.SupportNamespace + "." + JsonContextEmitter.ContextName;
        var baseClass = (resource.Namespaced ? "Namespaced" : "Cluster") + (resource.HasStatusSubresource ? "Status" : string.Empty) + "ResourceClient";

        writer.Doc("A typed client for <see cref=\"" + kind + "\"/> (<c>" + SourceWriter.EscapeXml(resource.ApiVersion) + "</c>, "
            + (resource.Namespaced ? "namespaced" : "cluster-scoped") + "), over a KubernetesClient <c>Kubernetes</c>.", escaped: true);
        writer.Open("public sealed partial class " + resource.ClientName + " : " + client + baseClass + "<" + kind + ", " + list + ">");
        writer.Doc("Where the kind lives in the API.");
        writer.Line("public static " + client + "ResourceDescriptor Descriptor { get; } = new(" + SourceWriter.Literal(resource.Group) + ", "
            + SourceWriter.Literal(resource.Version) + ", " + SourceWriter.Literal(resource.Kind) + ", " + SourceWriter.Literal(resource.Plural) + ", "
            + Bool(resource.Namespaced) + ", " + Bool(resource.HasStatusSubresource) + ");");
        writer.Line();
        writer.Doc("Creates the client.");
        writer.Line("/// <param name=\"kubernetes\">A KubernetesClient <c>Kubernetes</c>: its base URI, credentials and TLS settings are used.</param>");
        writer.Line("public " + resource.ClientName + "(global::k8s.IKubernetes kubernetes)");
        writer.Line("    : base(kubernetes, Descriptor,");
        writer.Line("        (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + kind + ">)" + context + ".Default.Options.GetTypeInfo(typeof(" + kind + ")),");
        writer.Line("        (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + list + ">)" + context + ".Default.Options.GetTypeInfo(typeof(" + list + ")))");
        writer.Line("{");
        writer.Line("}");
        writer.Close();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
