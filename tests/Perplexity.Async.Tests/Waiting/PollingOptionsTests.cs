using System.Threading;
using Perplexity.Async.Waiting;
using Perplexity.Async.Tests.TestSupport;
using Polly;

namespace Perplexity.Async.Tests.Waiting;

public sealed class PollingOptionsTests : PollingTestBase
{
    [Fact]
    public void PollingOptions_Defaults_AreTheDocumentedOnes()
    {
        var sut = new PollingOptions();

        sut.InitialDelay.ShouldBe(TimeSpan.FromSeconds(1));
        sut.BackoffType.ShouldBe(PollingBackoffType.Exponential);
        sut.MaxDelay.ShouldBe(TimeSpan.FromSeconds(15));
        sut.UseJitter.ShouldBeTrue();
        sut.Timeout.ShouldBeNull();
        sut.MaxConsecutiveFailures.ShouldBe(10);
        sut.RequestOptions.ShouldBeNull();
        new PerplexityAsyncClientOptions().Polling.ShouldBeNull();
    }

    [Fact]
    public void PollingDefaults_InternalLimits_AreTheDocumentedOnes()
    {
        PollingDefaults.MaxRetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        PollingDefaults.MaxCompletedWithoutResponseRetries.ShouldBe(3);
        PollingSettings.Default.InitialDelay.ShouldBe(PollingDefaults.InitialDelay);
        PollingSettings.Default.MaxConsecutiveFailures.ShouldBe(PollingDefaults.MaxConsecutiveFailures);
    }

    public static TheoryData<Action<PollingOptions>, string> InvalidSettings => new()
    {
        { p => p.InitialDelay = TimeSpan.Zero, "InitialDelay" },
        { p => p.InitialDelay = TimeSpan.FromSeconds(-1), "InitialDelay" },
        { p => p.InitialDelay = TimeSpan.FromDays(2), "InitialDelay" },
        { p => p.BackoffType = (PollingBackoffType)42, "BackoffType" },
        { p => p.MaxDelay = TimeSpan.FromMilliseconds(500), "MaxDelay" },
        { p => p.MaxDelay = TimeSpan.FromDays(2), "MaxDelay" },
        { p => p.Timeout = TimeSpan.Zero, "Timeout" },
        { p => p.Timeout = TimeSpan.FromMilliseconds(5), "Timeout" },
        { p => p.Timeout = TimeSpan.FromDays(2), "Timeout" },
        { p => p.MaxConsecutiveFailures = 0, "MaxConsecutiveFailures" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void WaitForCompletionAsync_InvalidSetting_ThrowsNamingItBeforeAnyRequest(Action<PollingOptions> configure, string setting)
    {
        var polling = new PollingOptions();
        configure(polling);
        var sut = CreateSut().Sonar;

        var ex = Should.Throw<ArgumentOutOfRangeException>(() => sut.WaitForCompletionAsync(Api.JobId, polling, CancellationToken.None));

        ex.ParamName.ShouldBe("polling");
        ex.Message.ShouldContain(setting + " must");
        Handler.Requests.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void PerplexityAsyncClient_InvalidPollingDefault_ThrowsNamingIt(Action<PollingOptions> configure, string setting)
    {
        var polling = new PollingOptions();
        configure(polling);

        var ex = Should.Throw<ArgumentException>(() => CreateSut(o => o.Polling = polling));

        ex.Message.ShouldContain("Polling." + setting + " must");
    }

    [Fact]
    public void PerplexityAsyncClientOptionsValidator_InvalidPolling_ReportsEverySetting()
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = WireMockTestBase.ApiKey,
            Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, MaxConsecutiveFailures = 0 },
        };

        var result = new PerplexityAsyncClientOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldContain(f => f.StartsWith("Polling.InitialDelay must", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.StartsWith("Polling.MaxConsecutiveFailures must", StringComparison.Ordinal));
    }

    [Fact]
    public void PollingOptions_BoundarySettings_AreAccepted()
    {
        var polling = new PollingOptions
        {
            InitialDelay = TimeSpan.FromDays(1),
            MaxDelay = TimeSpan.FromDays(1),
            Timeout = TimeSpan.FromMilliseconds(10),
            MaxConsecutiveFailures = 1,
        };

        PollingSettings.Validate(polling).ShouldBeEmpty();
        polling.MaxConsecutiveFailures = null;
        polling.Timeout = TimeSpan.FromDays(1);
        PollingSettings.Validate(polling).ShouldBeEmpty();
    }
}
