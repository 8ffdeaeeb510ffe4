using System;
using System.Net;
using System.Net.Http;

namespace Perplexity.Async.Testing.Internal;

/// <summary>One queued fault: what it does, to which requests, and how many more it will hit.</summary>
internal sealed class Fault
{
    public Fault(int count, HttpMethod? method, FaultKind kind)
    {
        Remaining = count;
        Method = method;
        Kind = kind;
    }

    /// <summary>How many more requests it hits; only changed under the queue's lock.</summary>
    public int Remaining { get; set; }

    /// <summary>The only method it hits; null for any.</summary>
    public HttpMethod? Method { get; }

    public FaultKind Kind { get; }

    public HttpStatusCode StatusCode { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public string? Body { get; init; }

    public string MediaType { get; init; } = "application/json";

    public TimeSpan Delay { get; init; }

    /// <summary>How many events a broken or cut stream writes first.</summary>
    public int Events { get; init; }

    /// <summary>A broken stream also writes the first half of the next event's line.</summary>
    public bool MidLine { get; init; }

    /// <summary>The message of the bare <c>error</c> event an erroring stream writes.</summary>
    public string ErrorMessage { get; init; } = string.Empty;

    /// <summary>The type of the bare <c>error</c> event an erroring stream writes.</summary>
    public string ErrorType { get; init; } = string.Empty;

    /// <summary>The code of the bare <c>error</c> event an erroring stream writes; null leaves it out.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Whether it breaks an Agent event stream (and so hits only requests answered with one).</summary>
    public bool IsStreamFault => Kind is FaultKind.DropStream or FaultKind.EndStream or FaultKind.ErrorEvent;

    public bool Hits(HttpMethod method) => Remaining > 0 && (Method is null || Method == method);
}
