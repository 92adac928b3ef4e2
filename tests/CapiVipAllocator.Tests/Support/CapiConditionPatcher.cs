using System.Net;
using System.Text.Json.Nodes;

namespace CapiVipAllocator.Tests.Support;

/// <summary>
/// Writes a Cluster's conditions the way Cluster API's patch helper does (sigs.k8s.io/cluster-api util/patch
/// <c>Helper.patchStatusConditions</c> with util/conditions <c>NewPatch</c> / <c>Patch.Apply</c>): the diff between the
/// object the controller read at the start of its reconcile (<see cref="Snapshot"/>) and the conditions it wants is
/// taken per condition type; then, up to five times, it GETs the latest object, applies only those changed types
/// onto the latest conditions (a type it did not change is left as the latest has it), and sends the whole list as a
/// JSON merge patch of the status subresource carrying the latest resourceVersion (optimistic lock), retrying on 409.
/// </summary>
internal sealed class CapiConditionPatcher(RawApi api, string clusterPath, bool v1beta1)
{
    /// <summary>What the reconcile read at its start (the helper's "before" object).</summary>
    public async Task<JsonObject> SnapshotAsync() => (await api.GetAsync(clusterPath))!;

    /// <summary>Sets these conditions (type → status, reason, message), as a reconcile that began from <paramref name="before"/>.</summary>
    /// <returns>How many attempts it took.</returns>
    public async Task<int> PatchAsync(JsonObject before, IReadOnlyDictionary<string, (string Status, string Reason, string Message)> desired)
    {
        var beforeConditions = Conditions(before);
        var changed = desired.Where(d => Find(beforeConditions, d.Key) is not { } c || (string?)c["status"] != d.Value.Status || (string?)c["reason"] != d.Value.Reason || (string?)c["message"] != d.Value.Message)
            .ToDictionary(d => d.Key, d => d.Value);
        if (changed.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var latest = (await api.GetAsync(clusterPath))!;
            var conditions = Conditions(latest).DeepClone().AsArray();
            foreach (var (type, (status, reason, message)) in changed)
            {
                var item = Find(conditions, type);
                if (item is null)
                {
                    conditions.Add((JsonNode)new JsonObject { ["type"] = type });
                    item = Find(conditions, type)!;
                }

                if ((string?)item["status"] != status)
                {
                    item["lastTransitionTime"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                }

                item["status"] = status;
                item["reason"] = reason;
                item["message"] = message;
                item["observedGeneration"] = (long?)latest["metadata"]!["generation"];
            }

            var statusPatch = new JsonObject { ["conditions"] = conditions };
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = (string?)latest["metadata"]!["resourceVersion"] },
                ["status"] = v1beta1 ? new JsonObject { ["v1beta2"] = statusPatch } : statusPatch,
            };
            var (code, _) = await api.MergePatchAsync(clusterPath + "/status", patch);
            if (code != HttpStatusCode.Conflict)
            {
                Assert.True(code == HttpStatusCode.OK, $"the patch helper's status patch failed: {(int)code}");
                return attempt;
            }
        }

        throw new InvalidOperationException("five conflicts in a row: the patch helper would give up here and requeue");
    }

    /// <summary>The metav1 conditions list of a Cluster (status.conditions, or status.v1beta2.conditions for v1beta1).</summary>
    public JsonArray Conditions(JsonObject cluster) =>
        (v1beta1 ? cluster["status"]?["v1beta2"]?["conditions"] : cluster["status"]?["conditions"]) as JsonArray ?? [];

    public static JsonObject? Find(JsonArray conditions, string type) =>
        conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
}
