using CapiSdk.Generator.Model;

namespace CapiSdk.Generator.Emitting;

/// <summary>
/// Emits the typed client of a kind: every verb with the parameters its scope needs (a namespace for
/// namespaced kinds, none for cluster-scoped ones), the status subresource when the CRD has one, and a
/// CancellationToken on every call. The work is done by CapiSdk.Client's <c>KubernetesResourceClient</c> engine.
/// </summary>
internal static class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    public static void Emit(SourceWriter writer, ResourceModel resource)
    {
        var kind = resource.Root.Name;
        var list = resource.ListTypeName;
        var client = ClientLibrary.Prefix;
        var context = "global::" + resource.SupportNamespace + "." + JsonContextEmitter.ContextName;
        var ns = resource.Namespaced ? "string @namespace, " : string.Empty;
        var nsArgument = resource.Namespaced ? "@namespace" : "null";
        var nsParam = resource.Namespaced ? "/// <param name=\"namespace\">The namespace.</param>" : null;
        var nsOptional = resource.Namespaced ? "string? @namespace = null, " : string.Empty;
        var nsOptionalParam = resource.Namespaced ? "/// <param name=\"namespace\">The namespace; null for all namespaces.</param>" : null;
        var valueNamespace = resource.Namespaced ? "NamespaceOf(value)" : "null";

        writer.Doc("A typed client for <see cref=\"" + kind + "\"/> (<c>" + SourceWriter.EscapeXml(resource.ApiVersion) + "</c>, "
            + (resource.Namespaced ? "namespaced" : "cluster-scoped") + "), over a KubernetesClient <c>Kubernetes</c>.", escaped: true);
        writer.Open("public sealed partial class " + resource.ClientName + " : " + client + "KubernetesResourceClient<" + kind + ", " + list + ">");
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

        Method(writer, "Reads one object.", new[] { nsParam, "/// <param name=\"name\">The name.</param>" },
            Task + "<" + kind + "> GetAsync(" + ns + "string name, " + Token + ")", "GetCoreAsync(" + nsArgument + ", name, null, cancellationToken)");
        Method(writer, "Reads one page of objects.", new[] { nsOptionalParam, "/// <param name=\"options\">Selectors, page size, continue token, resourceVersion.</param>" },
            Task + "<" + list + "> ListAsync(" + nsOptional + client + "ListOptions? options = null, " + Token + ")", "ListCoreAsync(" + (resource.Namespaced ? "@namespace" : "null") + ", options, cancellationToken)");
        Method(writer, "Reads every object as an async stream, page by page.", new[] { nsOptionalParam, "/// <param name=\"options\">Selectors and page size (Limit, 500 by default).</param>" },
            "global::System.Collections.Generic.IAsyncEnumerable<" + kind + "> ListAllAsync(" + nsOptional + client + "ListOptions? options = null, " + Token + ")",
            "ListAllCoreAsync(" + (resource.Namespaced ? "@namespace" : "null") + ", options, cancellationToken)");
        Method(writer, "Watches objects: typed events that resume after cuts and relist after 410 Gone, until cancelled.", new[] { nsOptionalParam, "/// <param name=\"options\">Selectors, the resourceVersion to start after, bookmarks, retry delays.</param>" },
            "global::System.Collections.Generic.IAsyncEnumerable<" + client + "WatchEvent<" + kind + ">> WatchAsync(" + nsOptional + client + "WatchOptions? options = null, " + Token + ")",
            "WatchCoreAsync(" + (resource.Namespaced ? "@namespace" : "null") + ", options, cancellationToken)");
        Method(writer, "Creates an object" + (resource.Namespaced ? " in the namespace its metadata names" : string.Empty) + ".", new[] { "/// <param name=\"value\">The object.</param>", "/// <param name=\"options\">Field manager, dry run.</param>" },
            Task + "<" + kind + "> CreateAsync(" + kind + " value, " + client + "WriteOptions? options = null, " + Token + ")", "CreateCoreAsync(" + valueNamespace + ", value, options, cancellationToken)");
        Method(writer, "Replaces an object; its metadata.resourceVersion must be current (else a conflict).", new[] { "/// <param name=\"value\">The object.</param>", "/// <param name=\"options\">Field manager, dry run.</param>" },
            Task + "<" + kind + "> ReplaceAsync(" + kind + " value, " + client + "WriteOptions? options = null, " + Token + ")", "ReplaceCoreAsync(" + valueNamespace + ", value, null, options, cancellationToken)");
        Method(writer, "Patches an object with a merge patch, a JSON patch or an apply configuration, given as JSON.", new[] { nsParam, "/// <param name=\"name\">The name.</param>", "/// <param name=\"format\">The patch format.</param>", "/// <param name=\"patch\">The patch document.</param>", "/// <param name=\"options\">Field manager, force, dry run.</param>" },
            Task + "<" + kind + "> PatchAsync(" + ns + "string name, " + client + "PatchFormat format, string patch, " + client + "WriteOptions? options = null, " + Token + ")",
            "PatchCoreAsync(" + nsArgument + ", name, format, patch, null, options, cancellationToken)");
        Method(writer, "Patches an object with a typed patch: only the fields it sets are sent. A merge patch replaces a list whole (custom resources have no strategic merge), so one that holds a list is refused unless options.ReplaceLists is set: use ApplyAsync to change some items of a list.", new[] { nsParam, "/// <param name=\"name\">The name.</param>", "/// <param name=\"patch\">The fields to set.</param>", "/// <param name=\"format\">Merge (default) or Apply.</param>", "/// <param name=\"options\">Field manager, force, dry run, ReplaceLists.</param>" },
            Task + "<" + kind + "> PatchAsync(" + ns + "string name, " + kind + " patch, " + client + "PatchFormat format = " + client + "PatchFormat.Merge, " + client + "WriteOptions? options = null, " + Token + ")",
            "PatchCoreAsync(" + nsArgument + ", name, format, patch, null, options, cancellationToken)");
        Method(writer, "Server-side apply: the fields <paramref name=\"value\"/> sets become owned by <paramref name=\"fieldManager\"/>.", new[] { "/// <param name=\"value\">The apply configuration: the object with only the fields this manager owns.</param>", "/// <param name=\"fieldManager\">The field manager.</param>", "/// <param name=\"force\">Take fields another manager owns instead of failing with a conflict.</param>" },
            Task + "<" + kind + "> ApplyAsync(" + kind + " value, string fieldManager, bool force = false, " + Token + ")",
            "PatchCoreAsync(" + valueNamespace + ", NameOf(value), " + client + "PatchFormat.Apply, value, null, new " + client + "WriteOptions { FieldManager = fieldManager, Force = force }, cancellationToken)", escapedSummary: true);
        Method(writer, "Deletes an object; returns it while finalizers or dependents keep it, or null once it is gone.", new[] { nsParam, "/// <param name=\"name\">The name.</param>", "/// <param name=\"options\">Propagation, preconditions, grace period, dry run.</param>" },
            Task + "<" + kind + "?> DeleteAsync(" + ns + "string name, " + client + "DeleteOptions? options = null, " + Token + ")", "DeleteCoreAsync(" + nsArgument + ", name, options, cancellationToken)");
        if (resource.HasStatusSubresource)
        {
            Method(writer, "Reads an object through its status subresource.", new[] { nsParam, "/// <param name=\"name\">The name.</param>" },
                Task + "<" + kind + "> GetStatusAsync(" + ns + "string name, " + Token + ")", "GetCoreAsync(" + nsArgument + ", name, \"status\", cancellationToken)");
            Method(writer, "Replaces an object's status (only status changes); its resourceVersion must be current.", new[] { "/// <param name=\"value\">The object with the new status.</param>", "/// <param name=\"options\">Field manager, dry run.</param>" },
                Task + "<" + kind + "> ReplaceStatusAsync(" + kind + " value, " + client + "WriteOptions? options = null, " + Token + ")", "ReplaceCoreAsync(" + valueNamespace + ", value, \"status\", options, cancellationToken)");
            Method(writer, "Patches an object's status with a patch given as JSON.", new[] { nsParam, "/// <param name=\"name\">The name.</param>", "/// <param name=\"format\">The patch format.</param>", "/// <param name=\"patch\">The patch document.</param>", "/// <param name=\"options\">Field manager, force, dry run.</param>" },
                Task + "<" + kind + "> PatchStatusAsync(" + ns + "string name, " + client + "PatchFormat format, string patch, " + client + "WriteOptions? options = null, " + Token + ")",
                "PatchCoreAsync(" + nsArgument + ", name, format, patch, \"status\", options, cancellationToken)");
            Method(writer, "Server-side apply of an object's status.", new[] { "/// <param name=\"value\">The object with the status fields this manager owns.</param>", "/// <param name=\"fieldManager\">The field manager.</param>", "/// <param name=\"force\">Take fields another manager owns.</param>" },
                Task + "<" + kind + "> ApplyStatusAsync(" + kind + " value, string fieldManager, bool force = false, " + Token + ")",
                "PatchCoreAsync(" + valueNamespace + ", NameOf(value), " + client + "PatchFormat.Apply, value, \"status\", new " + client + "WriteOptions { FieldManager = fieldManager, Force = force }, cancellationToken)");
        }

        writer.Line();
        writer.Line("private static string NameOf(" + kind + " value) =>");
        writer.Line("    value?.Metadata?.Name ?? throw new global::System.ArgumentException(\"The object has no metadata.name.\", nameof(value));");
        if (resource.Namespaced)
        {
            writer.Line();
            writer.Line("private static string NamespaceOf(" + kind + " value) =>");
            writer.Line("    value?.Metadata?.NamespaceProperty ?? throw new global::System.ArgumentException(\"" + SourceWriter.EscapeXml(resource.Kind) + " is namespaced: set metadata.namespace.\", nameof(value));");
        }

        writer.Close();
    }

    private static void Method(SourceWriter writer, string summary, string?[] parameters, string signature, string body, bool escapedSummary = false)
    {
        writer.Line();
        writer.Doc(summary, escaped: escapedSummary);
        foreach (var parameter in parameters)
        {
            if (parameter is not null)
            {
                writer.Line(parameter);
            }
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("public " + signature + " =>");
        writer.Line("    " + body + ";");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
