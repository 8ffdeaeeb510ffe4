using System;
using System.Collections.Generic;

namespace Perplexity.Async;

/// <summary>
/// Optional extras for one request: the <c>local_mode</c> query parameter and the documented <c>x-…</c>
/// headers. Each is sent only when set.
/// </summary>
public sealed class AsyncRequestOptions
{
    /// <summary>Sent as <c>local_mode=true</c> or <c>local_mode=false</c> when set; not sent when null.</summary>
    public bool? LocalMode { get; set; }

    /// <summary>Sent as the <c>x-client-name</c> header.</summary>
    public string? ClientName { get; set; }

    /// <summary>Sent as the <c>x-client-env</c> header.</summary>
    public string? ClientEnv { get; set; }

    /// <summary>Sent as the <c>x-user-id</c> header.</summary>
    public string? UserId { get; set; }

    /// <summary>Sent as the <c>x-usage-tier</c> header.</summary>
    public string? UsageTier { get; set; }

    /// <summary>Sent as the <c>x-request-time</c> header.</summary>
    public string? RequestTime { get; set; }

    /// <summary>Sent as the <c>x-created-at-epoch-seconds</c> header.</summary>
    public string? CreatedAtEpochSeconds { get; set; }

    /// <summary>
    /// The <c>idempotency_key</c> sent with <c>CreateAsync</c> (other calls ignore it). When null, the client generates
    /// one per <c>CreateAsync</c> call and keeps it across that call's retries, so a retried create never starts a
    /// second (paid) job. Set it to carry the same key across your own retries (for example after a timeout, or from
    /// a message queue's delivery id): the key is the API's only duplicate guard. Must not be empty or whitespace.
    /// Because an options object is often reused, remember that every create sent with the same key is meant as one job.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// More headers to send. Names are case-insensitive; <c>Authorization</c> cannot be set here, and a name or
    /// value that is not a valid header fails with an <see cref="ArgumentException"/> before anything is sent.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
