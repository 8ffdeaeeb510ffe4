using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// The sample's core, free of <see cref="Console"/> so that tests run it on a fake clock: ask a research question as
/// a streamed Agent API run (or, with <c>--legacy</c>, as an async chat-completions job), show its live progress, print the result.
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
            // StreamAsync (like RunAsync) asks the server to cancel a run its caller abandons, so it stops billing.
            error.WriteLine(ex.RunCancelRequested ? $"Cancelled: run {ex.JobId} was asked to stop."
                : ex.JobId is null ? "Cancelled before the run's id arrived: the run may have started; it is not billed past its end."
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
    /// Prints the backend line and the question, streams the run on the Agent API (the run id first, then its live
    /// progress: status, searches, sources, the answer as it is written), and prints the answer, its sources, usage and cost.
    /// </summary>
    /// <returns>The completed (or incomplete) run.</returns>
    /// <exception cref="PerplexityRunFailedException">The run failed.</exception>
    /// <exception cref="PerplexityRunCancelledException">The run was cancelled (by someone else: Ctrl+C is a wait cancellation).</exception>
    /// <exception cref="PerplexityException">The API or the network failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the run is asked to stop).</exception>
    public static async Task<AgentResponse> AskAgentAsync(
        PerplexityAsyncClient client, TextWriter output, TimeProvider time, ResearchOptions options, CancellationToken cancellationToken)
    {
        output.WriteLine(options.BackendDescription);
        output.WriteLine($"Question: {options.Question}");

        // StreamAsync creates a background run with a stream (POST /v1/agent) and yields its events as the run works. The
        // first event names the run, printed before anything else so its id is never lost. A dropped connection is
        // resumed after the last event seen (GET /v1/responses/{id}?stream=true&starting_after=N), silently, with no
        // event twice; Ctrl+C stops the stream and, because the stream belongs to the run it created, cancels the run.
        var request = new AgentRequest { Preset = options.Preset, Input = options.Question };
        StreamProgress progress;
        await using (var status = LiveStatus.Start(output, time, options.Style))
        {
            progress = new StreamProgress(status, options.Preset);
            await foreach (var streamEvent in client.Agent.StreamAsync(request, cancellationToken))
            {
                progress.Show(streamEvent);
            }
        }

        // The stream ends after the run's one terminal event, a failed or cancelled one included (they are events, not
        // HTTP errors): a run that did not finish is an error here, as RunAsync would have thrown.
        var done = progress.Run ?? throw new PerplexityProtocolException("The stream ended without describing the run.");
        if (done.Status == AgentResponseStatus.Failed)
        {
            throw new PerplexityRunFailedException($"Run {done.Id} failed: {done.Error?.Message ?? "no reason given"}.", done);
        }

        if (done.Status == AgentResponseStatus.Cancelled)
        {
            throw new PerplexityRunCancelledException($"Run {done.Id} was cancelled on the server.", done);
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
