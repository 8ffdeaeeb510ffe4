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
        var guard = new NextTokenGuard(client.Waits.Redactor);
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.ListPageAsync(token, limit, options, cancellationToken).ConfigureAwait(false);
            pages++;
            foreach (var item in page.Requests)
            {
                yield return item;
            }

            // Any token seen before in this walk (not only the one just sent) would keep the loop going forever.
            token = guard.Next(page.NextToken, pages);
        }
        while (token is not null);
    }
}
