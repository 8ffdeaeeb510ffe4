namespace Perplexity.Async.Tests.Budget;

/// <summary>Bad budget settings fail with a message naming the setting, its bounds and its value, through the options validator.</summary>
public sealed class RequestBudgetValidationTests
{
    [Theory]
    [InlineData(0d, "RequestBudget.RequestsPerSecond must be between 0.01 and 10000; it is 0.")]
    [InlineData(-1d, "RequestBudget.RequestsPerSecond must be between 0.01 and 10000; it is -1.")]
    [InlineData(10_001d, "RequestBudget.RequestsPerSecond must be between 0.01 and 10000; it is 10001.")]
    [InlineData(double.NaN, "RequestBudget.RequestsPerSecond must be between 0.01 and 10000; it is NaN.")]
    public void Validate_RequestsPerSecondOutOfRange_NamesIt(double rate, string message) =>
        Failures(new RequestBudgetOptions { RequestsPerSecond = rate }).ShouldBe([message]);

    [Theory]
    [InlineData(0, "RequestBudget.Burst must be between 1 and 10000; it is 0.")]
    [InlineData(10_001, "RequestBudget.Burst must be between 1 and 10000; it is 10001.")]
    public void Validate_BurstOutOfRange_NamesIt(int burst, string message) =>
        Failures(new RequestBudgetOptions { Burst = burst }).ShouldBe([message]);

    [Theory]
    [InlineData(-1, "RequestBudget.QueueLimit must be between 0 (never wait) and 1000000; it is -1.")]
    [InlineData(1_000_001, "RequestBudget.QueueLimit must be between 0 (never wait) and 1000000; it is 1000001.")]
    public void Validate_QueueLimitOutOfRange_NamesIt(int limit, string message) =>
        Failures(new RequestBudgetOptions { QueueLimit = limit }).ShouldBe([message]);

    [Theory]
    [InlineData(-1d, "RequestBudget.MaxQueueTime must be between zero (never wait) and 24 h; it is -00:00:01.")]
    [InlineData(86_401d, "RequestBudget.MaxQueueTime must be between zero (never wait) and 24 h; it is 1.00:00:01.")]
    public void Validate_MaxQueueTimeOutOfRange_NamesIt(double seconds, string message) =>
        Failures(new RequestBudgetOptions { MaxQueueTime = TimeSpan.FromSeconds(seconds) }).ShouldBe([message]);

    [Fact]
    public void Validate_DefaultsAndBounds_AreAccepted()
    {
        Failures(new RequestBudgetOptions()).ShouldBeEmpty();
        Failures(new RequestBudgetOptions { RequestsPerSecond = 0.01, Burst = 1, QueueLimit = 0, MaxQueueTime = TimeSpan.Zero }).ShouldBeEmpty();
        Failures(new RequestBudgetOptions { RequestsPerSecond = 10_000, Burst = 10_000, QueueLimit = 1_000_000, MaxQueueTime = TimeSpan.FromDays(1) }).ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_InvalidBudget_ThrowsArgumentExceptionNamingIt()
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test",
            RequestBudget = new RequestBudgetOptions { Burst = 0 },
        }));

        ex.Message.ShouldContain("RequestBudget.Burst must be between 1 and 10000; it is 0.");
    }

    [Fact]
    public void ToString_WithBudget_DescribesIt()
    {
        var options = new PerplexityAsyncClientOptions { ApiKey = "pplx-secret", RequestBudget = new RequestBudgetOptions() };

        options.ToString().ShouldContain("RequestBudget = RequestBudgetOptions { RequestsPerSecond = 40, Burst = 10, QueueLimit = 1000, MaxQueueTime = 00:00:30 }");
        new PerplexityAsyncClientOptions().ToString().ShouldContain("RequestBudget = (off)");
    }

    private static List<string> Failures(RequestBudgetOptions budget)
    {
        var result = new PerplexityAsyncClientOptionsValidator().Validate(null, new PerplexityAsyncClientOptions { ApiKey = "pplx-test", RequestBudget = budget });
        return result.Failed ? [.. result.Failures!] : [];
    }
}
