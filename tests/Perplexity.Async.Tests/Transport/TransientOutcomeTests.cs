using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>The one Retry-After rule and the one transient rule, at their edges.</summary>
public sealed class TransientOutcomeTests
{
    [Theory]
    [InlineData("retry-after-ms", "0", 0)]
    [InlineData("Retry-After", "0", 0)]
    [InlineData("Retry-After", "60", 60_000)]
    [InlineData("Retry-After", "61", 61_000)]
    [InlineData("retry-after-ms", "1500", 1_500)]
    public void Read_Header_ReturnsWhatTheServerAsked(string header, string value, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        RetryAfterRule.Read(response, new FakeTimeProvider()).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Theory]
    [InlineData(0, 500, 0)]
    [InlineData(500, 500, 0)]
    [InlineData(3_000, 500, 2_500)]
    [InlineData(60_000, 500, 59_500)]
    [InlineData(120_000, 500, 59_500)]
    [InlineData(120_000, 70_000, 0)]
    public void ExtraDelay_RetryAfterAgainstBackoff_MakesThePauseTheLargerCappedAtSixtySeconds(int retryAfterMs, int backoffMs, int expectedExtraMs) =>
        RetryAfterRule.ExtraDelay(TimeSpan.FromMilliseconds(retryAfterMs), TimeSpan.FromMilliseconds(backoffMs))
            .ShouldBe(TimeSpan.FromMilliseconds(expectedExtraMs));

    [Fact]
    public void ExtraDelay_NoRetryAfter_IsZero() =>
        RetryAfterRule.ExtraDelay(null, TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.Zero);

    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(599, true)]
    [InlineData(600, false)]
    [InlineData(999, false)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    public void IsTransientStatus_Status_OnlyTimeoutsConflictsRateLimitsAndFiveHundreds(int status, bool expected) =>
        TransientRule.IsTransientStatus(status).ShouldBe(expected);

    [Theory]
    [InlineData(503, "false", false)]
    [InlineData(400, "true", true)]
    [InlineData(503, "maybe", true)]
    public void IsTransient_ShouldRetryHeader_OverridesTheStatus(int status, string header, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.TryAddWithoutValidation("x-should-retry", header);

        TransientRule.IsTransient(response).ShouldBe(expected);
    }
}
