using System;

namespace Perplexity.Async;

/// <summary>The request did not get an answer: DNS, connection refused or reset, TLS, or a broken body.</summary>
public sealed class PerplexityConnectionException : PerplexityException
{
    /// <summary>Creates the exception around the network error that caused it.</summary>
    public PerplexityConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether the request provably never reached the server (the connection was refused, the name did not resolve,
    /// the TLS handshake failed), so sending it again cannot do anything twice.
    /// </summary>
    public bool NotSent { get; internal init; }
}
