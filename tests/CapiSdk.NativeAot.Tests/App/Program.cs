using CapiSdk.Client;
using k8s;
using NativeApp.Demo.V1;

// NativeApp <server URL>: creates a Gadget, sets its Ready condition through the status subresource, and lists
// the Gadgets, all through the generated client on CapiSdk.Client.Aot and KubernetesClient.Aot.
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = args[0] });
var gadgets = new GadgetClient(kubernetes);

var created = await gadgets.CreateAsync(new Gadget
{
    Metadata = new() { Name = "native", NamespaceProperty = "default" },
    Spec = new GadgetSpec { Size = 3, Port = new IntOrString("http") },
}, cancellationToken: stop.Token);
Console.WriteLine($"Created {created}: color={created.Spec?.Color?.Value} (the server's default)");

created.SetCondition("Ready", ConditionStatus.True, "Compiled", "Ahead of time.");
await gadgets.ReplaceStatusAsync(created, cancellationToken: stop.Token);

var list = await gadgets.ListAsync("default", cancellationToken: stop.Token);
foreach (var gadget in list.Items)
{
    Console.WriteLine($"Listed {gadget}: size={gadget.Spec?.Size} port={gadget.Spec?.Port} ready={gadget.IsConditionTrue("Ready")}");
}

return 0;
