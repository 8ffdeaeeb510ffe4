using System;

namespace Perplexity.Async.Transport;

/// <summary>Every client-level default in one place; each one is pinned by a test.</summary>
internal static class ClientDefaults
{
    /// <summary>16 MiB: about 50 times the largest deep-research result seen.</summary>
    public const long MaxResponseContentBytes = 16L * 1024 * 1024;

    /// <summary>Error bodies are kept up to 16 KiB: enough for any JSON error, bounded for an HTML page.</summary>
    public const int MaxErrorBodyBytes = 16 * 1024;

    /// <summary>A protocol error quotes the first 1 KiB of the body.</summary>
    public const int BodyExcerptBytes = 1024;

    /// <summary>Pooled connections of the SDK's own handler are recycled after 5 minutes, so DNS changes are seen.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Ids are short tokens; anything longer than this is refused before it reaches a URL.</summary>
    public const int MaxRequestIdLength = 512;
}
