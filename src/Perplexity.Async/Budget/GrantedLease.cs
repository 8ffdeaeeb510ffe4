using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace Perplexity.Async.Budget;

/// <summary>
/// The lease a request gets from the budget: acquired, and nothing to give back when it is disposed, because the permit
/// behind it is returned by time (<see cref="RequestBudget"/>), not by the request ending.
/// </summary>
internal sealed class GrantedLease : RateLimitLease
{
    public static readonly GrantedLease Instance = new();

    private GrantedLease()
    {
    }

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => Array.Empty<string>();

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
