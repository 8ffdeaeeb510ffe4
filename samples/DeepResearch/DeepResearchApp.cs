using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// The sample's core, free of <see cref="Console"/> so that tests run it on a fake clock: ask a research question as
/// an Agent API run (or, with <c>--legacy</c>, as an async chat-completions job), show its live status, print the result.
/// </summary>
internal static class DeepResearchApp
{
    /// <summary>The legacy route's deep-research model: it searches, reads and reasons for minutes before it answers.</summary>
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
            if (options.Legacy)
            {
                await AskAsync(client, output, time, options, cancellationToken);
            }
            else
            {
                await AskAgentAsync(client, output, time, options, cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (PerplexityWaitCanceledException ex) when (cancellationToken.IsCancellationRequested && !options.Legacy)
        {
            // RunAsync asks the server to cancel a run its caller abandons, so it stops billing.
            error.WriteLine(ex.RunCancelRequested
                ? $"Cancelled: run {ex.JobId} was asked to stop."
                : $"Cancelled: stopped waiting, but run {ex.JobId} could not be cancelled and may still be running.");
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The legacy API has no cancel endpoint: stopping the wait does not stop the job.
            error.WriteLine("Cancelled: stopped waiting. The job keeps running on the server; get it later by the id above.");
            return ExitCodes.Cancelled;
        }
        catch (PerplexityEndpointRetiredException ex)
        {
            error.WriteLine($"Error: {ex.Message} Run the sample without --legacy.");
            return ExitCodes.Failed;
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
    /// Prints the backend line and the question, runs it on the Agent API (the run id first, then its live status), and
    /// prints the answer, its sources, usage and cost.
    /// </summary>
    /// <returns>The completed (or incomplete) run.</returns>
    /// <exception cref="PerplexityException">The API, the network or the run failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the run is asked to stop).</exception>
    public static async Task<AgentResponse> AskAgentAsync(
        PerplexityAsyncClient client, TextWriter output, TimeProvider time, ResearchOptions options, CancellationToken cancellationToken)
    {
        output.WriteLine(options.BackendDescription);
        output.WriteLine($"Question: {options.Question}");

        // RunAsync creates a background run (POST /v1/agent), then polls GET /v1/responses/{id} with backoff. The first
        // state it reports is the created one: the run id, printed before anything else so it is never lost. Ctrl+C
        // cancels the wait and, because RunAsync was waiting, the run on the server too.
        var request = new AgentRequest { Preset = options.Preset, Input = options.Question };
        AgentResponse done;
        await using (var status = LiveStatus.Start(output, time, options.Style))
        {
            var announced = false;
            var progress = new InlineProgress<AgentResponse>(run =>
            {
                if (!announced)
                {
                    announced = true;
                    status.Announce($"Run {run.Id} started ({options.Preset}). Ctrl+C cancels it.");
                }

                status.Report(run);
            });
            done = await client.Agent.RunAsync(request, polling: null, progress, cancellationToken);
        }

        AgentResultPrinter.Print(done, output, styled: options.Style == StatusStyle.Spinner);
        return done;
    }

    /// <summary>
    /// Prints the backend line and the question, creates the legacy job, shows its status until it is done, and prints
    /// the answer, citations, reasoning steps and cost.
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
            status.Report(job.Status.Value);
            done = await client.Sonar.WaitForCompletionAsync(job.Id, polling: null, status, cancellationToken);
        }

        // 3. A COMPLETED job always carries its response.
        ResultPrinter.Print(done.Response!, output, styled: options.Style == StatusStyle.Spinner);
        return done;
    }
}
