using Perplexity.Async;

namespace Snippets;

/// <summary>
/// wait-with-progress: <c>WaitForCompletionAsync</c> polls until the job is done (1 s growing to 15 s between polls,
/// by default) and reports the first state it sees and then each status change.
/// </summary>
internal static class WaitWithProgress
{
    public static async Task RunAsync(PerplexityAsyncClient client, string requestId, TextWriter output, CancellationToken cancellationToken)
    {
        var progress = new InlineProgress<AsyncApiChatCompletionsResponse>(job => output.WriteLine($"  status: {job.Status}"));
        var polling = new PollingOptions { Timeout = TimeSpan.FromMinutes(30) }; // or null for the client's defaults

        try
        {
            AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(requestId, polling, progress, cancellationToken);
            output.WriteLine($"completed at {done.CompletedAt:u}");
            output.WriteLine(done.Response!.Text);
        }
        catch (PerplexityJobFailedException ex)
        {
            output.WriteLine($"the job failed at {ex.FailedAt:u}: {ex.ErrorMessage}");
        }
        catch (PerplexityTimeoutException ex)
        {
            // Only the wait timed out: the job keeps running, and GetAsync fetches it later.
            output.WriteLine($"still {ex.LastResponse?.Status} after 30 minutes");
        }
    }
}
