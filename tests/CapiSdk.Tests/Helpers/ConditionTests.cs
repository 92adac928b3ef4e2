using CapiSdk.Client;
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

        var changed = conditions.Set("Ready", ConditionStatus.True, "Provisioned", "all good", observedGeneration: 3, timeProvider: clock);

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
        conditions.Set("Ready", ConditionStatus.False, "Waiting", timeProvider: clock);

        clock.Now = clock.Now.AddMinutes(5);
        var sameStatus = conditions.Set("Ready", ConditionStatus.False, "StillWaiting", timeProvider: clock);
        var firstTime = conditions.Find("Ready")!.LastTransitionTime;
        clock.Now = clock.Now.AddMinutes(5);
        var newStatus = conditions.Set("Ready", ConditionStatus.True, "Done", timeProvider: clock);

        Assert.True(sameStatus);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), firstTime);
        Assert.True(newStatus);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 10, 0, TimeSpan.Zero), conditions.Find("Ready")!.LastTransitionTime);
    }

    [Fact]
    public void Setting_the_same_condition_again_reports_no_change()
    {
        var conditions = new List<Condition>();
        conditions.Set("Ready", ConditionStatus.True, "Done");

        Assert.False(conditions.Set("Ready", ConditionStatus.True, "Done"));
    }

    [Fact]
    public void IsTrue_IsFalse_and_Find_read_by_type_and_tolerate_a_missing_list()
    {
        var conditions = new List<V1Beta1.Condition>();
        conditions.Set("Ready", ConditionStatus.True);
        conditions.Set("Paused", ConditionStatus.False);
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
    public void SetCondition_on_an_object_without_a_status_creates_the_status_and_the_list()
    {
        var cluster = new Cluster { Metadata = new() { Name = "c", Generation = 4 } };
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));

        var changed = cluster.SetCondition("Ready", ConditionStatus.True, "Provisioned", "all good", timeProvider: clock);

        Assert.True(changed);
        var ready = Assert.Single(cluster.Status!.Conditions!);
        Assert.Equal(("Ready", "True", "Provisioned", "all good", 4L), (ready.Type, ready.Status?.Value, ready.Reason, ready.Message, ready.ObservedGeneration));
        Assert.Equal(clock.Now, ready.LastTransitionTime);
        Assert.False(cluster.SetCondition("Ready", ConditionStatus.True, "Provisioned", "all good", timeProvider: clock));
    }

    [Fact]
    public void Object_condition_reads_are_plain_bools_and_tolerate_a_missing_status()
    {
        var empty = new Cluster();
        var cluster = new Cluster();
        cluster.SetCondition("Ready", ConditionStatus.True);
        cluster.SetCondition("Paused", ConditionStatus.False);

        bool ready = cluster.IsConditionTrue("Ready");
        Assert.True(ready);
        Assert.True(cluster.IsConditionFalse("Paused"));
        Assert.False(cluster.IsConditionTrue("Paused"));
        Assert.False(empty.IsConditionTrue("Ready"));
        Assert.False(empty.IsConditionFalse("Ready"));
        Assert.Null(empty.GetCondition("Ready"));
        Assert.False(empty.RemoveCondition("Ready"));
        Assert.Null(empty.Status);
        Assert.True(cluster.RemoveCondition("Paused"));
        Assert.Null(cluster.GetCondition("Paused"));
    }

    [Fact]
    public void A_status_that_is_not_True_False_or_Unknown_is_refused_before_it_reaches_the_server()
    {
        var cluster = new Cluster();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetCondition("Ready", (ConditionStatus)7));

        Assert.Contains("True, False or Unknown", error.Message, StringComparison.Ordinal);
        Assert.Null(cluster.Status?.Conditions?.Find("Ready"));
    }

    [Fact]
    public void Every_kind_whose_status_has_a_conditions_list_implements_IHasConditions()
    {
        var kinds = typeof(CrdJsonContext).Assembly.GetExportedTypes()
            .Where(t => typeof(k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>).IsAssignableFrom(t) && t.GetProperty("Status")?.PropertyType.GetProperty("Conditions") is not null)
            .ToList();

        Assert.True(kinds.Count >= 4, "expected Cluster and IPAddressClaim in every version");
        Assert.All(kinds, t =>
        {
            var condition = t.GetProperty("Status")!.PropertyType.GetProperty("Conditions")!.PropertyType.GetGenericArguments()[0];
            Assert.True(typeof(IHasConditions<>).MakeGenericType(condition).IsAssignableFrom(t), t.FullName);
        });
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
