using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>The server-requested delay's bounds, at their edges (found by Stryker).</summary>
public sealed class TransientOutcomeTests
{
    [Theory]
    [InlineData("retry-after-ms", "0", 0)]
    [InlineData("Retry-After", "0", 0)]
    [InlineData("Retry-After", "60", 60_000)]
    [InlineData("retry-after-ms", "1500", 1_500)]
    public void ServerDelay_WithinZeroToSixtySeconds_IsObeyedIncludingBothEnds(string header, string value, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        TransientOutcome.ServerDelay(response, new FakeTimeProvider()).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Theory]
    [InlineData("Retry-After", "61")]
    [InlineData("retry-after-ms", "60001")]
    public void ServerDelay_OverSixtySeconds_LeavesTheDelayToTheBackoff(string header, string value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        TransientOutcome.ServerDelay(response, new FakeTimeProvider()).ShouldBeNull();
    }
}
