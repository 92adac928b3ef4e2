using CapiSdk.Client;
using CapiSdk.IpamSimulator;
using CapiSdk.Models.Ipam.Cluster.V1Alpha2;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using ClaimIp;

// dotnet run [-- --namespace default] [--pool sample-pool] [--claim sample-claim] [--seconds 30] [--keep]
// Claims an IP address by hand, typed end to end: create an IPAddressClaim against an InClusterIPPool, wait
// through a typed watch until the claim names its IPAddress, read that IPAddress, then release the claim.
// Without KUBECONFIG it runs against an in-process API server, where it creates the pool and starts the IPAM
// simulator (CapiSdk.IpamSimulator) in the provider's place; with KUBECONFIG the pool must exist and an IPAM
// provider must be running.
var @namespace = Option("--namespace") ?? "default";
var poolName = Option("--pool") ?? "sample-pool";
var claimName = Option("--claim") ?? "sample-claim";
var seconds = int.Parse(Option("--seconds") ?? "30", System.Globalization.CultureInfo.InvariantCulture);
var keep = args.Contains("--keep");

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
await using var api = await ApiConnection.OpenAsync(stop.Token);
Console.WriteLine($"Claiming an IP address in namespace '{@namespace}' on {api.Description}.");
var pools = new InClusterIPPoolClient(api.Kubernetes);
var claims = new IPAddressClaimClient(api.Kubernetes);
var addresses = new IPAddressClient(api.Kubernetes);

// In-process only: a pool to claim from, and the IPAM simulator that answers claims (nothing else would).
await using var simulator = api.InProcess ? await IpamSimulator.StartAsync(api.Kubernetes, cancellationToken: stop.Token) : null;
if (api.InProcess)
{
    Console.WriteLine("  [IPAM simulator] answering claims as the in-cluster IPAM provider would");
    await pools.CreateAsync(new InClusterIPPool
    {
        Metadata = new() { Name = poolName, NamespaceProperty = @namespace },
        Spec = new InClusterIPPoolSpec { Addresses = ["10.0.0.10-10.0.0.20"], Prefix = 24, Gateway = "10.0.0.1" },
    }, cancellationToken: stop.Token);
}

InClusterIPPool pool;
try
{
    pool = await pools.GetAsync(@namespace, poolName, stop.Token);
}
catch (KubernetesNotFoundException)
{
    Console.Error.WriteLine($"InClusterIPPool {@namespace}/{poolName} not found: create one, or name yours with --pool.");
    return 2;
}

Console.WriteLine($"InClusterIPPool {poolName}: {string.Join(", ", pool.Spec?.Addresses ?? [])}, prefix {pool.Spec?.Prefix}, gateway {pool.Spec?.Gateway ?? "<none>"}");

// 1. The claim: which pool to take an address from.
await claims.CreateAsync(new IPAddressClaim
{
    Metadata = new() { Name = claimName, NamespaceProperty = @namespace },
    Spec = new IPAddressClaimSpec
    {
        PoolRef = new TypedLocalObjectReference { ApiGroup = InClusterIPPool.KubeGroup, Kind = InClusterIPPool.KubeKind, Name = poolName },
    },
}, cancellationToken: stop.Token);
Console.WriteLine($"Created IPAddressClaim {claimName}; waiting for its IPAddress...");

// 2. Wait for the provider's answer: the claim's status.addressRef, seen through a typed watch of this one claim.
string? addressName = null;
try
{
    await foreach (var change in claims.WatchAsync(@namespace, new WatchOptions { FieldSelector = "metadata.name=" + claimName }, stop.Token))
    {
        if (change.Object.Status?.AddressRef?.Name is { Length: > 0 } name)
        {
            addressName = name;
            break;
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

if (addressName is null)
{
    Console.Error.WriteLine($"No IPAddress for claim {claimName} after {seconds} s: is an IPAM provider serving InClusterIPPool {poolName}?");
    if (!keep)
    {
        await claims.DeleteAsync(@namespace, claimName);
        Console.Error.WriteLine($"Deleted IPAddressClaim {claimName}.");
    }

    return 1;
}

// 3. The IPAddress itself.
var address = await addresses.GetAsync(@namespace, addressName, stop.Token);
Console.WriteLine($"Claim {claimName} got IPAddress {address.Metadata.Name}: {address.Spec.Address}/{address.Spec.Prefix}, gateway {address.Spec.Gateway ?? "<none>"}, from {address.Spec.PoolRef?.Kind} {address.Spec.PoolRef?.Name}");

// 4. Release it: the provider deletes the IPAddress, then lets the claim go (its ReleaseAddress finalizer).
if (!keep)
{
    await claims.DeleteAsync(@namespace, claimName, cancellationToken: stop.Token);
    Console.WriteLine($"Deleted IPAddressClaim {claimName}: its address returns to the pool.");
    await WaitUntilGoneAsync(claimName);
    Console.WriteLine($"IPAddressClaim {claimName} and IPAddress {addressName} are gone.");
}

return 0;

async Task WaitUntilGoneAsync(string name)
{
    var listed = false;
    await foreach (var change in claims.WatchAsync(@namespace, new WatchOptions { FieldSelector = "metadata.name=" + name, IncludeBookmarks = true }, stop.Token))
    {
        listed |= change.Type == WatchEventKind.Added;
        if (change.Type == WatchEventKind.Deleted || (change.Type == WatchEventKind.Bookmark && !listed))
        {
            return;
        }
    }
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
