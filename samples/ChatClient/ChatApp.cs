using System.Globalization;
using Microsoft.Extensions.AI;
using Perplexity.Async;

namespace ChatClientSample;

/// <summary>
/// The sample's core: ask an <see cref="IChatClient"/> one question, streaming, and print what comes back. Nothing in
/// here knows about Perplexity except the keys of the extras it prints and its exceptions: it is what an app written
/// against Microsoft.Extensions.AI looks like, with a Perplexity Agent API research run behind it.
/// </summary>
internal static class ChatApp
{
    public const string DefaultQuestion = "How do heat pumps work in cold climates?";

    public static ChatOptions CreateOptions() => new()
    {
        // A preset (a name without '/') or a model ("openai/gpt-5.2"); medium is Perplexity's deep-research preset.
        ModelId = "medium",

        // Low effort keeps a deep-research run short and cheap.
        Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.Low },

        // Agent API fields go by their API name.
        AdditionalProperties = new() { ["language_preference"] = "en" },
    };

    /// <summary>Asks <paramref name="question"/>, prints each status and search as it happens, then the answer, sources, usage and cost.</summary>
    /// <returns>The process exit code: 0 answered, 1 the run failed or timed out, 2 cancelled.</returns>
    public static async Task<int> RunAsync(IChatClient chat, string question, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in chat.GetStreamingResponseAsync(question, CreateOptions(), cancellationToken))
            {
                updates.Add(update);
                if (update.Contents.Count == 0 && update.AdditionalProperties?[PerplexityChatResponseProperties.Status] is string status)
                {
                    await output.WriteLineAsync($"run {update.ResponseId}: {status}");
                }

                foreach (var reasoning in update.Contents.OfType<TextReasoningContent>())
                {
                    await output.WriteLineAsync($"  ... {reasoning.Text}");
                }
            }
        }
        catch (PerplexityRunFailedException failed)
        {
            await error.WriteLineAsync($"Run {failed.JobId} failed: {failed.ErrorMessage ?? "no reason given"}");
            return 1;
        }
        catch (PerplexityRunCancelledException cancelled)
        {
            await error.WriteLineAsync($"Run {cancelled.JobId} was cancelled.");
            return 1;
        }
        catch (PerplexityTimeoutException timeout)
        {
            await error.WriteLineAsync($"Gave up waiting after {timeout.Timeout}; run {timeout.JobId} keeps running on the server.");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return 2;
        }

        var response = updates.ToChatResponse();
        if (response.Text.Length == 0)
        {
            await error.WriteLineAsync("No answer came back.");
            return 1;
        }

        await PrintAsync(response, updates, output);
        return 0;
    }

    private static async Task PrintAsync(ChatResponse response, List<ChatResponseUpdate> updates, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(response.Text);

        var sources = updates.SelectMany(u => u.Contents).OfType<TextContent>()
            .SelectMany(t => t.Annotations ?? [])
            .OfType<CitationAnnotation>()
            .ToList();
        if (sources.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Sources:");
            foreach (var (source, index) in sources.Select((s, i) => (s, i + 1)))
            {
                await output.WriteLineAsync($"  [{index}] {source.Title ?? "(untitled)"} {source.Url}");
            }
        }

        await output.WriteLineAsync();
        if (response.Usage is { } usage)
        {
            await output.WriteLineAsync(
                $"Model {response.ModelId}, {usage.InputTokenCount} input + {usage.OutputTokenCount} output tokens ({usage.ReasoningTokenCount ?? 0} reasoning, {usage.CachedInputTokenCount ?? 0} cached)");
        }

        if (response.AdditionalProperties?[PerplexityChatResponseProperties.Cost] is AgentCost cost)
        {
            await output.WriteLineAsync($"Cost: ${cost.TotalCost.ToString("0.0000", CultureInfo.InvariantCulture)}");
        }
    }
}
