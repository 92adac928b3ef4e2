using BringYourOwnCrd;
using BringYourOwnCrd.Models.Infrastructure.V1Beta1;
using CapiSdk.Client;
using V1Alpha1 = BringYourOwnCrd.Models.Infrastructure.V1Alpha1;

// dotnet run [-- --namespace default] [--name demo-machine]
// Every type used here was generated at build time from crds/demomachines.yaml: the models, the typed clients,
// the enums and the exceptions. Without KUBECONFIG it runs against an in-process API server serving that CRD;
// with KUBECONFIG the CRD must be installed (kubectl apply -f crds/demomachines.yaml).
var @namespace = Option("--namespace") ?? "default";
var name = Option("--name") ?? "demo-machine";

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
await using var api = await ApiConnection.OpenAsync(stop.Token);
Console.WriteLine($"DemoMachine (infrastructure.demo.io) in namespace '{@namespace}' on {api.Description}.");
var machines = new DemoMachineClient(api.Kubernetes);

// 1. Create one, typed: the enum and every property come from the schema.
DemoMachine created;
try
{
    created = await machines.CreateAsync(new DemoMachine
    {
        Metadata = new() { Name = name, NamespaceProperty = @namespace },
        Spec = new DemoMachineSpec { Image = "ubuntu-24.04", MemoryMiB = 4096, PowerState = DemoMachinePowerState.On },
    }, cancellationToken: stop.Token);
}
catch (KubernetesNotFoundException)
{
    Console.Error.WriteLine("The cluster does not serve demomachines.infrastructure.demo.io: kubectl apply -f samples/BringYourOwnCrd/crds/demomachines.yaml");
    return 2;
}

Console.WriteLine($"Created DemoMachine {@namespace}/{name}: the server defaulted spec.cpus to {created.Spec.Cpus}.");

// 2. Report status as the provider's controller would (status is a subresource).
created.Status = new DemoMachineStatus
{
    Ready = true,
    Addresses = [new DemoMachineStatusAddress { Type = DemoMachineStatusAddressType.InternalIP, Address = "192.168.10.5" }],
};
await machines.ReplaceStatusAsync(created, cancellationToken: stop.Token);

// 3. Read it back.
var machine = await machines.GetAsync(@namespace, name, stop.Token);
Console.WriteLine($"Read {machine.ApiVersion} {machine.Kind} {machine.Metadata.Name}: image={machine.Spec.Image} cpus={machine.Spec.Cpus} " +
    $"memoryMiB={machine.Spec.MemoryMiB} powerState={machine.Spec.PowerState?.Value} ready={machine.Status?.Ready} " +
    $"addresses={string.Join(",", machine.Status?.Addresses?.Select(a => $"{a.Type?.Value}/{a.Address}") ?? [])}");

// 4. The same object through the older version's generated client.
var old = await new V1Alpha1.DemoMachineClient(api.Kubernetes).GetAsync(@namespace, name, stop.Token);
Console.WriteLine($"Read {old.ApiVersion} {old.Kind} {old.Metadata.Name}: image={old.Spec?.Image} cpus={old.Spec?.Cpus}");

// 5. Clean up.
await machines.DeleteAsync(@namespace, name, cancellationToken: stop.Token);
Console.WriteLine($"Deleted DemoMachine {@namespace}/{name}.");
return 0;

string? Option(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
