using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// The sample's core, free of <see cref="Console"/> so that tests run it on a fake clock: ask a deep-research
/// question, wait for the job with a live status line, print the result.
/// </summary>
internal static class DeepResearchApp
{
    /// <summary>Perplexity's deep-research model: it searches, reads and reasons for minutes before it answers.</summary>
    public const string Model = "sonar-deep-research";

    /// <summary>Asked when the command line has no question.</summary>
    public const string DefaultQuestion = "What are the most promising approaches to long-duration grid energy storage?";

    /// <summary>
    /// Runs <see cref="AskAsync"/> and turns its outcome into an exit code, with a clear message on
    /// <paramref name="error"/> when it failed or was cancelled.
    /// </summary>
    public static async Task<int> RunAsync(
        PerplexityAsyncClient client, TextWriter output, TextWriter error, TimeProvider time, ResearchOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await AskAsync(client, output, time, options, cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The API has no cancel endpoint: stopping the wait does not stop the job.
            error.WriteLine("Cancelled: stopped waiting. The job keeps running on the server; get it later by the id above.");
            return ExitCodes.Cancelled;
        }
        catch (PerplexityAuthenticationException ex)
        {
            error.WriteLine($"Error: the API refused the key ({ex.Message}). Check PERPLEXITY_API_KEY, or unset it to use the emulator.");
            return ExitCodes.Failed;
        }
        catch (PerplexityException ex)
        {
            // Every SDK failure derives from PerplexityException: HTTP errors, a FAILED job, timeouts, the network.
            error.WriteLine($"Error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Prints the backend line and the question, creates the job, shows its status until it is done, and prints the
    /// answer, citations, reasoning steps and cost.
    /// </summary>
    /// <returns>The completed job.</returns>
    /// <exception cref="PerplexityException">The API, the network or the job failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<AsyncApiChatCompletionsResponse> AskAsync(
        PerplexityAsyncClient client, TextWriter output, TimeProvider time, ResearchOptions options, CancellationToken cancellationToken)
    {
        output.WriteLine(options.BackendDescription);
        output.WriteLine($"Question: {options.Question}");

        // 1. Start the job: POST /v1/async/sonar. It answers at once with an id; the research runs on the server.
        var request = new ChatCompletionRequest
        {
            Model = Model,
            Messages = [ChatRequestMessage.User(options.Question)],
        };
        AsyncApiChatCompletionsResponse job = await client.Sonar.CreateAsync(request, cancellationToken);
        output.WriteLine($"Job {job.Id} started ({job.Model}). Ctrl+C stops waiting; the job keeps running.");
        output.WriteLine();

        // 2. Wait: WaitForCompletionAsync polls GET /v1/async/sonar/{id} with backoff and reports each status change
        //    to the IProgress, which keeps a live status line. A FAILED job throws PerplexityJobFailedException.
        AsyncApiChatCompletionsResponse done;
        await using (var status = LiveStatus.Start(output, time, options.Style))
        {
            status.Report(job);
            done = await client.Sonar.WaitForCompletionAsync(job.Id, polling: null, status, cancellationToken);
        }

        // 3. A COMPLETED job always carries its response.
        ResultPrinter.Print(done.Response!, output);
        return done;
    }
}
