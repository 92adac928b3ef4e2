using CapiSdk.IpamSimulator.Tests.Support;
using CapiSdk.Testing.Faults;

namespace CapiSdk.IpamSimulator.Tests.Claims;

/// <summary>The simulator under the faults a controller's tests inject (5xx, 429, dropped connections, cut watches).</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Under_ten_percent_faults_every_claim_gets_one_distinct_address_and_every_release_completes()
    {
        await using var scenario = await IpamScenario.StartAsync(new IpamSimulatorOptions { MaxConcurrentReconciles = 4 });
        await scenario.CreatePoolAsync("vips", 24, "10.0.0.1", "10.0.0.0/24");
        using (scenario.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Rate = 0.04, Verbs = ["create", "update", "patch", "delete"] }))
        using (scenario.Server.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Rate = 0.03, RetryAfter = TimeSpan.FromMilliseconds(10), Verbs = ["create", "update", "patch"] }))
        using (scenario.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Rate = 0.03, Verbs = ["create", "update", "patch", "delete"] }))
        using (scenario.Server.Faults.Add(new FaultRule { Kind = FaultKind.CutWatch, CutWatchAfterEvents = 7, Resources = ["ipaddresses", "ipaddressclaims"] }))
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => CreateWithRetryAsync(() => scenario.CreateClaimAsync($"claim-{i}", "vips"))));
            var addresses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => scenario.WaitForAddressAsync($"claim-{i}")));
            Assert.Equal(40, addresses.Select(a => a.Spec.Address).Distinct().Count());

            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => CreateWithRetryAsync(() => scenario.Claims.DeleteAsync(IpamScenario.Namespace, $"claim-{i}"))));
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => scenario.WaitForClaimGoneAsync($"claim-{i}")));
        }

        Assert.Empty((await scenario.Addresses.ListAsync(IpamScenario.Namespace)).Items);
    }

    // The test's own writes go through the same faults: retry them (a retried create that had succeeded is fine).
    private static async Task CreateWithRetryAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (attempt < 20 && e is not Client.KubernetesAlreadyExistsException and not Client.KubernetesNotFoundException)
            {
                await Task.Delay(10);
            }
            catch (Exception e) when (e is Client.KubernetesAlreadyExistsException or Client.KubernetesNotFoundException)
            {
                return;
            }
        }
    }
}
