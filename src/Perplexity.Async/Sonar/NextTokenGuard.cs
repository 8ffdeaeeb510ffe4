using System.Collections.Generic;
using Perplexity.Async.Errors;

namespace Perplexity.Async;

/// <summary>
/// Remembers every <c>next_token</c> of one walk through the job list and refuses one seen before: a server whose
/// tokens cycle (A → B → A → …, or the token it was sent) would otherwise keep the walk going forever. One guard per
/// walk; not thread-safe (a walk is sequential).
/// </summary>
internal sealed class NextTokenGuard
{
    private readonly HashSet<string> _seen = new(System.StringComparer.Ordinal);
    private readonly Redactor _redactor;

    public NextTokenGuard(Redactor? redactor) => _redactor = redactor ?? Redactor.None;

    /// <summary>Returns the token to ask for next: null when the list has no more pages.</summary>
    /// <param name="nextToken">The <c>next_token</c> of the page just read.</param>
    /// <param name="pages">How many pages have been read so far, for the message.</param>
    /// <exception cref="PerplexityProtocolException"><paramref name="nextToken"/> was seen before in this walk.</exception>
    public string? Next(string? nextToken, int pages)
    {
        if (string.IsNullOrEmpty(nextToken))
        {
            return null;
        }

        if (!_seen.Add(nextToken!))
        {
            throw new PerplexityProtocolException(
                $"The list returned a next_token it had already returned ('{_redactor.Redact(nextToken)}') after {pages} "
                + $"{(pages == 1 ? "page" : "pages")}, so paging would never end.");
        }

        return nextToken;
    }
}
