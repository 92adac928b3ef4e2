
using CapiSdk.Client;
using CapiSdk.Models.Ipam.Cluster.V1Beta2;
using CapiSdk.Runtime.Informers;
using k8s;

namespace CapiVipAllocator.Benchmarks;

/// <summary>
/// An IPAM provider with no work of its own: every new claim gets the next address at once (an IPAddress and the
/// claim's addressRef, two writes), so the figures measure the controller, not the provider.
/// </summary>
internal sealed class InstantIpam(IKubernetes client) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IPAddressClient _addresses = new(client);
    private readonly IPAddressClaimClient _claims = new(client);
    private Task? _running;
    private long _next = 0x0A000000 + 10; // 10.0.0.10, then 10.0.0.11, ...

    public async Task StartAsync()
    {
        var informer = new SharedInformer<IPAddressClaim>(_claims);
        informer.AddEventHandler(onAdd: claim => _ = BindAsync(claim));
        _running = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token);
    }

    private async Task BindAsync(IPAddressClaim claim)
    {
        var ip = new System.Net.IPAddress(BitConverter.GetBytes((uint)Interlocked.Increment(ref _next)).Reverse().ToArray()).ToString();
        var address = new CapiSdk.Models.Ipam.Cluster.V1Beta2.IPAddress
        {
            Metadata = new() { Name = claim.Metadata.Name, NamespaceProperty = claim.Metadata.NamespaceProperty },
            Spec = new() { Address = ip, Prefix = 8, ClaimRef = new() { Name = claim.Metadata.Name }, PoolRef = claim.Spec.PoolRef is { } p ? new() { ApiGroup = p.ApiGroup, Kind = p.Kind, Name = p.Name } : null },
        };
        address.SetOwnerReference(claim);
        try
        {
            await _addresses.CreateAsync(address, cancellationToken: _stop.Token);
            await _claims.PatchStatusAsync(claim.Metadata.NamespaceProperty, claim.Metadata.Name, PatchFormat.Merge, "{\"status\":{\"addressRef\":{\"name\":\"" + claim.Metadata.Name + "\"}}}", cancellationToken: _stop.Token);
        }
        catch (Exception e) when (e is KubernetesApiException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
