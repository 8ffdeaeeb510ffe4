using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Perplexity.Async;

/// <summary>Walks the job list page by page, asking for the next page only when the caller has used the last one.</summary>
internal static class ListPager
{
    public static async IAsyncEnumerable<AsyncChatCompletionSummary> EnumerateAsync(
        AsyncCompletionsClient client,
        int? limit,
        AsyncRequestOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await client.ListPageAsync(token, limit, options, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Requests)
            {
                yield return item;
            }

            // A server that hands back the token it was given would otherwise keep this loop going forever.
            if (token is not null && page.NextToken == token)
            {
                throw new PerplexityProtocolException(
                    $"The list returned the next_token it was sent ('{token}') again, so paging would never end.");
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
    }
}
