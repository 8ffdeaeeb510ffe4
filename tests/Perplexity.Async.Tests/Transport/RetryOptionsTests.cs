using System.Threading;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

public sealed class RetryOptionsTests
{
    private static PerplexityAsyncClientOptions CreateSut(Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var options = new PerplexityAsyncClientOptions { ApiKey = "k" };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public void Defaults_MatchOfficialSdks()
    {
        var options = CreateSut();

        options.MaxRetries.ShouldBe(2);
        options.AttemptTimeout.ShouldBeNull();
        options.RequestTimeout.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void RetryDefaults_ArePinned()
    {
        RetryDefaults.MaxRetries.ShouldBe(2);
        RetryDefaults.BaseDelay.ShouldBe(TimeSpan.FromMilliseconds(500));
        RetryDefaults.MaxDelay.ShouldBe(TimeSpan.FromSeconds(8));
        RetryDefaults.MaxServerDelay.ShouldBe(TimeSpan.FromSeconds(60));
        RetryDefaults.RequestTimeout.ShouldBe(TimeSpan.FromMinutes(15));
    }

    public static TheoryData<string, Action<PerplexityAsyncClientOptions>, string> InvalidSettings() => new()
    {
        { "negative retries", o => o.MaxRetries = -1, "MaxRetries must be 0 (no retries) or more; it is -1." },
        { "attempt too short", o => o.AttemptTimeout = TimeSpan.FromMilliseconds(5), "AttemptTimeout must be between 10 ms and 24 h" },
        { "attempt negative", o => o.AttemptTimeout = TimeSpan.FromSeconds(-1), "AttemptTimeout must be between 10 ms and 24 h" },
        { "request zero", o => o.RequestTimeout = TimeSpan.Zero, "RequestTimeout must be between 10 ms and 24 h" },
        { "request too long", o => o.RequestTimeout = TimeSpan.FromHours(25), "RequestTimeout must be between 10 ms and 24 h" },
        {
            "attempt not shorter",
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromMinutes(1);
                o.RequestTimeout = TimeSpan.FromMinutes(1);
            },
            "AttemptTimeout (00:01:00) must be shorter than RequestTimeout (00:01:00)"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Constructor_InvalidRetrySetting_ThrowsArgumentExceptionNamingIt(string _, Action<PerplexityAsyncClientOptions> configure, string expected)
    {
        var options = CreateSut(configure);

        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(options));

        ex.Message.ShouldContain(expected);
        new PerplexityAsyncClientOptionsValidator().Validate(null, options).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Constructor_NoLimitsAndNoRetries_IsAccepted()
    {
        var infinite = CreateSut(o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.RequestTimeout = Timeout.InfiniteTimeSpan;
        });
        var none = CreateSut(o =>
        {
            o.AttemptTimeout = null;
            o.RequestTimeout = null;
        });
        var attemptOnly = CreateSut(o =>
        {
            o.AttemptTimeout = TimeSpan.FromHours(2);
            o.RequestTimeout = null;
        });

        using var a = new PerplexityAsyncClient(infinite);
        using var b = new PerplexityAsyncClient(none);
        using var c = new PerplexityAsyncClient(attemptOnly);
        new PerplexityAsyncClientOptionsValidator().Validate(null, infinite).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void RetrySettings_InfiniteTimeSpan_MeansNoLimit()
    {
        var settings = new RetrySettings(CreateSut(o =>
        {
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.RequestTimeout = Timeout.InfiniteTimeSpan;
        }));

        settings.AttemptTimeout.ShouldBeNull();
        settings.RequestTimeout.ShouldBeNull();
        settings.UseJitter.ShouldBeTrue();
    }

    [Fact]
    public void ToString_IncludesRetrySettings()
    {
        var text = CreateSut(o => o.AttemptTimeout = TimeSpan.FromSeconds(30)).ToString();

        text.ShouldContain("MaxRetries = 2");
        text.ShouldContain("AttemptTimeout = 00:00:30");
        text.ShouldContain("RequestTimeout = 00:15:00");
    }
}
