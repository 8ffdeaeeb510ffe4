using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace Perplexity.Async.Budget;

/// <summary>A lease the budget refused, with the reason and about when to try again (read by Polly's rate limiter strategy).</summary>
internal sealed class RejectedLease : RateLimitLease
{
    private static readonly string[] Names = [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

    private readonly TimeSpan _retryAfter;
    private readonly string _reason;

    public RejectedLease(string reason, TimeSpan retryAfter)
    {
        _reason = reason;
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => Names;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = _retryAfter;
            return true;
        }

        if (metadataName == MetadataName.ReasonPhrase.Name)
        {
            metadata = _reason;
            return true;
        }

        metadata = null;
        return false;
    }
}
