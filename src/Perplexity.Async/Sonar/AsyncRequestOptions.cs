using System;
using System.Collections.Generic;

namespace Perplexity.Async;

/// <summary>
/// Optional extras for one request: the <c>local_mode</c> query parameter and the documented <c>x-…</c>
/// headers. Each is sent only when set. A wait sends them with every poll; what only a create sends (the idempotency
/// key) is in <see cref="AsyncCreateOptions"/>.
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
    /// More headers to send. Names are case-insensitive; <c>Authorization</c> cannot be set here, and a name or
    /// value that is not a valid header fails with an <see cref="ArgumentException"/> before anything is sent.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
