using Perplexity.Async;

namespace Snippets;

/// <summary>
/// watch: <c>WatchAsync</c> is the same polling as an async stream, one item per status change. It ends after
/// COMPLETED or FAILED; a FAILED job is the last item, not an exception.
/// </summary>
internal static class Watch
{
    public static async Task RunAsync(PerplexityAsyncClient client, string requestId, TextWriter output, CancellationToken cancellationToken)
    {
        AsyncApiChatCompletionsResponse? last = null;
        await foreach (var update in client.Sonar.WatchAsync(requestId, cancellationToken))
        {
            output.WriteLine($"  status: {update.Status}");
            last = update;
        }

        output.WriteLine(last?.Status == AsyncProcessingStatus.Completed
            ? last.Response!.Text
            : $"the job failed: {last?.ErrorMessage}");
    }
}
