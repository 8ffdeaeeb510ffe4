using Perplexity.Async.Transport;
namespace Perplexity.Async.Tests.Options;

public sealed class PerplexityAsyncClientOptionsTests
{
    [Fact]
    public void Constructor_Defaults_ArePinned()
    {
        var options = new PerplexityAsyncClientOptions();

        options.ApiKey.ShouldBeNull();
        options.BaseAddress.ShouldBe(new Uri("https://api.perplexity.ai/"));
        options.BaseAddress.ShouldBeSameAs(PerplexityAsyncClientOptions.DefaultBaseAddress);
        options.TimeProvider.ShouldBeSameAs(TimeProvider.System);
        options.MaxResponseContentBytes.ShouldBe(16L * 1024 * 1024);
    }

    [Fact]
    public void Constants_ArePinned()
    {
        PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable.ShouldBe("PERPLEXITY_API_KEY");
        PerplexityAsyncClientOptions.DefaultSectionName.ShouldBe("Perplexity");
        ClientDefaults.MaxResponseContentBytes.ShouldBe(16_777_216);
        ClientDefaults.MaxErrorBodyBytes.ShouldBe(16_384);
        ClientDefaults.BodyExcerptBytes.ShouldBe(1_024);
        ClientDefaults.MaxRequestIdLength.ShouldBe(512);
    }

    [Fact]
    public void ToString_KeySet_ShowsOnlyThatItIsSet()
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-secret-0123456789",
            BaseAddress = new Uri("https://proxy.example.com/perplexity/"),
            MaxResponseContentBytes = 1234,
        };

        var text = options.ToString();

        text.ShouldNotContain("pplx-secret-0123456789");
        text.ShouldNotContain("secret");
        text.ShouldBe("PerplexityAsyncClientOptions { ApiKey = (set), BaseAddress = https://proxy.example.com/perplexity/, MaxResponseContentBytes = 1234, MaxRetries = 2, AttemptTimeout = (none), RequestTimeout = 00:15:00, CancelAbandonedRuns = True, RequestBudget = (off) }");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ToString_KeyNotSet_SaysSo(string? key)
    {
        new PerplexityAsyncClientOptions { ApiKey = key }.ToString().ShouldContain("ApiKey = (not set)");
    }
}
