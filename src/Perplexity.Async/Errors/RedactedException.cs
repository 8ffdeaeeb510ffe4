using System;

namespace Perplexity.Async.Errors;

/// <summary>
/// Stands in for an exception whose text held the API key and whose type cannot be rebuilt: it names the original
/// type and keeps the masked message and the (sanitized) cause.
/// </summary>
internal sealed class RedactedException : Exception
{
    public RedactedException(string originalType, string message, Exception? innerException)
        : base($"{originalType}: {message}", innerException)
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type this replaces.</summary>
    public string OriginalType { get; }
}
