using CapiSdk.Models;
using CapiSdk.Models.Cluster.V1Beta2;
using V1Beta1 = CapiSdk.Models.Cluster.V1Beta1;

namespace CapiSdk.Tests.Helpers;

/// <summary>One set of condition helpers for every kind's conditions, with the API conventions' transition rule.</summary>
public sealed class ConditionTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Set_adds_a_condition_with_the_transition_time_truncated_to_seconds()
    {
        var conditions = new List<Condition>();
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 500, TimeSpan.Zero));

        var changed = conditions.Set("Ready", "True", "Provisioned", "all good", observedGeneration: 3, timeProvider: clock);

        Assert.True(changed);
        var ready = Assert.Single(conditions);
        Assert.Equal(("Ready", "True", "Provisioned", "all good", 3L), (ready.Type, ready.Status?.Value, ready.Reason, ready.Message, ready.ObservedGeneration));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), ready.LastTransitionTime);
    }

    [Fact]
    public void The_transition_time_moves_only_when_the_status_changes()
    {
        var conditions = new List<Condition>();
        var clock = new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        conditions.Set("Ready", "False", "Waiting", timeProvider: clock);

        clock.Now = clock.Now.AddMinutes(5);
        var sameStatus = conditions.Set("Ready", "False", "StillWaiting", timeProvider: clock);
        var firstTime = conditions.Find("Ready")!.LastTransitionTime;
        clock.Now = clock.Now.AddMinutes(5);
        var newStatus = conditions.Set("Ready", "True", "Done", timeProvider: clock);

        Assert.True(sameStatus);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), firstTime);
        Assert.True(newStatus);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 10, 0, TimeSpan.Zero), conditions.Find("Ready")!.LastTransitionTime);
    }

    [Fact]
    public void Setting_the_same_condition_again_reports_no_change()
    {
        var conditions = new List<Condition>();
        conditions.Set("Ready", "True", "Done");

        Assert.False(conditions.Set("Ready", "True", "Done"));
    }

    [Fact]
    public void IsTrue_IsFalse_and_Find_read_by_type_and_tolerate_a_missing_list()
    {
        var conditions = new List<V1Beta1.Condition>();
        conditions.Set("Ready", "True");
        conditions.Set("Paused", "False");
        List<V1Beta1.Condition>? none = null;

        Assert.True(conditions.IsTrue("Ready"));
        Assert.True(conditions.IsFalse("Paused"));
        Assert.False(conditions.IsTrue("Paused"));
        Assert.False(conditions.IsTrue("Missing"));
        Assert.Null(none.Find("Ready"));
        Assert.True(conditions.Remove("Paused"));
        Assert.Null(conditions.Find("Paused"));
    }

    [Fact]
    public void Every_generated_condition_type_implements_the_common_interface()
    {
        var conditionTypes = typeof(CrdJsonContext).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Condition", StringComparison.Ordinal) && t.GetProperty("LastTransitionTime") is not null)
            .ToList();

        // One type per condition shape and namespace (Cluster and ClusterClass share theirs): a Condition in every
        // version, and the other contract's conditions (v1beta2 in V1Beta1, deprecated v1beta1 in V1Beta2).
        Assert.True(conditionTypes.Count >= 9, "expected the condition types of Cluster and IPAddressClaim in every version, found " + conditionTypes.Count);
        Assert.All(conditionTypes, t => Assert.True(typeof(IKubernetesCondition).IsAssignableFrom(t), t.FullName));
    }
}
