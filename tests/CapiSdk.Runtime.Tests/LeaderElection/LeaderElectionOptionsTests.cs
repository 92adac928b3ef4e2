using CapiSdk.Runtime.LeaderElection;

namespace CapiSdk.Runtime.Tests.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Defaults_are_client_go_timings_and_validate()
    {
        var options = new LeaderElectionOptions { LeaseName = "widgets" };

        options.Validate();

        Assert.Equal((15, 10, 2), ((int)options.LeaseDuration.TotalSeconds, (int)options.RenewDeadline.TotalSeconds, (int)options.RetryPeriod.TotalSeconds));
        Assert.StartsWith(Environment.MachineName + "_", options.Identity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 10, 2, "RenewDeadline")]
    [InlineData(10, 12, 2, "RenewDeadline")]
    [InlineData(15, 10, 10, "RetryPeriod")]
    public void Durations_out_of_order_are_rejected(int lease, int renew, int retry, string parameter)
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = "widgets",
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void A_missing_lease_name_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(new LeaderElectionOptions().Validate);

        Assert.Equal("LeaseName", error.ParamName);
    }
}
