namespace CapiSdk.Testing.Http;

/// <summary>Writes a kubeconfig that points KubernetesClient and kubectl at the server.</summary>
internal static class KubeconfigFile
{
    public const string ContextName = "capisdk-testing";

    public static async Task WriteAsync(string path, Uri server, CancellationToken ct)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {server.ToString().TrimEnd('/')}
            users:
            - name: {ContextName}
              user:
                token: capisdk-testing
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}
                user: {ContextName}
                namespace: default
            current-context: {ContextName}
            preferences: {"{}"}

            """;
        await File.WriteAllTextAsync(path, yaml, ct).ConfigureAwait(false);
    }
}
