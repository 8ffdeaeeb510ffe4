using System;
using System.Threading;

namespace Perplexity.Async.Transport;

/// <summary>
/// Turns the transport retries off for the calls made inside a scope, for callers that already retry: a wait's polls
/// are retried by the wait's own backoff, so retrying each poll as well would multiply attempts and delays. An
/// <see cref="AsyncLocal{T}"/> carries the flag, so it reaches the transport through the public, mockable
/// <c>GetAsync</c> without a parameter, and does not leak out of the async method that opened the scope.
/// </summary>
internal static class TransportRetryScope
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    /// <summary>Whether the current call runs inside a <see cref="Suppress"/> scope.</summary>
    public static bool IsSuppressed => Suppressed.Value;

    /// <summary>Turns transport retries off until the returned scope is disposed.</summary>
    public static Scope Suppress()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = true;
        return new Scope(previous);
    }

    /// <summary>
    /// Turns transport retries back on until the returned scope is disposed: around a user's callback made inside a
    /// <see cref="Suppress"/> scope, so that SDK calls the callback makes (or work it queues, which captures the
    /// execution context) are retried as usual.
    /// </summary>
    public static Scope Lift()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = false;
        return new Scope(previous);
    }

    /// <summary>Restores the previous setting when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly bool _previous;

        internal Scope(bool previous) => _previous = previous;

        public void Dispose() => Suppressed.Value = _previous;
    }
}
