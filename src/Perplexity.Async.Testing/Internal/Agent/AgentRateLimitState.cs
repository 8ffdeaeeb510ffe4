using System;
using System.Globalization;
using System.Net.Http;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>What the <c>x-ratelimit-*</c> headers say after a request.</summary>
internal sealed record AgentRateLimitState(int Limit, int Remaining, int Used, DateTimeOffset Reset, bool Exceeded, TimeSpan UntilReset)
{
    public void AddHeaders(HttpResponseMessage response)
    {
        response.Headers.TryAddWithoutValidation("x-ratelimit-limit", Limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining", Remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("x-ratelimit-used", Used.ToString(CultureInfo.InvariantCulture));
        var reset = Reset.ToUnixTimeSeconds() + (Reset.ToUnixTimeMilliseconds() % 1000 == 0 ? 0 : 1);
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture));
    }
}
