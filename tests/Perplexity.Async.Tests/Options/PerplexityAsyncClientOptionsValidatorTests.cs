using Microsoft.Extensions.Time.Testing;

namespace Perplexity.Async.Tests.Options;

public sealed class PerplexityAsyncClientOptionsValidatorTests
{
    [Theory]
    [InlineData("https://api.perplexity.ai/")]
    [InlineData("https://proxy.example.com/perplexity")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]:5000/")]
    public void Validate_AcceptedBaseAddress_Succeeds(string address)
    {
        var result = CreateSut().Validate(null, Valid(o => o.BaseAddress = new Uri(address)));

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
    }

    [Theory]
    [InlineData("http://api.perplexity.ai/")]
    [InlineData("http://192.168.1.10:8080/")]
    [InlineData("ftp://localhost/")]
    public void Validate_NonHttpsBaseAddress_FailsNamingIt(string address)
    {
        var result = CreateSut().Validate(null, Valid(o => o.BaseAddress = new Uri(address)));

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain("BaseAddress");
        result.FailureMessage!.ShouldContain("HTTPS");
        result.FailureMessage!.ShouldContain("loopback");
    }

    [Fact]
    public void Validate_RelativeBaseAddress_FailsNamingIt()
    {
        var result = CreateSut().Validate(null, Valid(o => o.BaseAddress = new Uri("v1/", UriKind.Relative)));

        result.FailureMessage.ShouldNotBeNull().ShouldContain("BaseAddress 'v1/' is not an absolute URI");
    }

    [Fact]
    public void Validate_NullBaseAddress_FailsNamingIt()
    {
        var result = CreateSut().Validate(null, Valid(o => o.BaseAddress = null!));

        result.FailureMessage.ShouldNotBeNull().ShouldContain("BaseAddress is null");
    }

    [Fact]
    public void Validate_NullTimeProvider_FailsNamingIt()
    {
        var result = CreateSut().Validate(null, Valid(o => o.TimeProvider = null!));

        result.FailureMessage.ShouldNotBeNull().ShouldContain("TimeProvider is null");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Validate_NonPositiveMaxResponseContentBytes_FailsNamingIt(long value)
    {
        var result = CreateSut().Validate(null, Valid(o => o.MaxResponseContentBytes = value));

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain($"MaxResponseContentBytes must be positive; it is {value}");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOne()
    {
        var result = CreateSut().Validate("named", Valid(o =>
        {
            o.BaseAddress = new Uri("http://example.com/");
            o.MaxResponseContentBytes = 0;
            o.TimeProvider = null!;
        }));

        result.Failures.ShouldNotBeNull().Count().ShouldBe(3);
    }

    [Fact]
    public void Validate_NullOptions_Fails()
    {
        CreateSut().Validate(null, null!).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Validate_CustomTimeProviderAndOneByteLimit_Succeeds()
    {
        var result = CreateSut().Validate(null, Valid(o =>
        {
            o.TimeProvider = new FakeTimeProvider();
            o.MaxResponseContentBytes = 1;
        }));

        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_FailureWithKeySet_NeverQuotesTheKey()
    {
        var result = CreateSut().Validate(null, new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-do-not-print",
            BaseAddress = new Uri("http://example.com/"),
        });

        result.FailureMessage.ShouldNotBeNull().ShouldNotContain("pplx-do-not-print");
    }

    private static PerplexityAsyncClientOptionsValidator CreateSut() => new();

    private static PerplexityAsyncClientOptions Valid(Action<PerplexityAsyncClientOptions> change)
    {
        var options = new PerplexityAsyncClientOptions { ApiKey = "valid-key" };
        change(options);
        return options;
    }
}
