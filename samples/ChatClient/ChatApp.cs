using System.Globalization;
using Microsoft.Extensions.AI;
using Perplexity.Async;

// Both namespaces have a ChatMessage and a ReasoningEffort; an alias says which one this file means.
using ReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace ChatClientSample;

/// <summary>
/// The sample's core: ask an <see cref="IChatClient"/> one question, streaming, and print what comes back. Nothing in
/// here knows about Perplexity except the keys of the extras it prints: it is what an app written against
/// Microsoft.Extensions.AI looks like, with Perplexity's async deep research behind it.
/// </summary>
internal static class ChatApp
{
    public const string DefaultQuestion = "How do heat pumps work in cold climates?";

    public static ChatOptions CreateOptions() => new()
    {
        ModelId = "sonar-deep-research",

        // Perplexity's reasoning_effort: low keeps a deep-research job short and cheap.
        Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low },

        // Perplexity-specific parameters go by their API name.
        AdditionalProperties = new() { ["return_related_questions"] = true, ["search_mode"] = "web" },
    };

    /// <summary>Asks <paramref name="question"/>, prints each job status as it changes, then the answer, sources, usage and cost.</summary>
    /// <returns>The process exit code: 0 answered, 1 the job failed or timed out, 2 cancelled.</returns>
    public static async Task<int> RunAsync(IChatClient chat, string question, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ChatResponseUpdate? final = null;
        try
        {
            // The async API does not stream tokens: the updates are job statuses, then the whole answer at once.
            await foreach (var update in chat.GetStreamingResponseAsync(question, CreateOptions(), cancellationToken))
            {
                if (update.Contents.Count == 0 && update.AdditionalProperties?[PerplexityChatResponseProperties.Status] is string status)
                {
                    await output.WriteLineAsync($"job {update.ResponseId}: {status}");
                }
                else
                {
                    final = update;
                }
            }
        }
        catch (PerplexityJobFailedException failed)
        {
            await error.WriteLineAsync($"The job failed: {failed.ErrorMessage ?? "no reason given"}");
            return 1;
        }
        catch (PerplexityTimeoutException timeout)
        {
            await error.WriteLineAsync($"Gave up waiting after {timeout.Timeout}; the job keeps running on the server.");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; the job keeps running on the server.");
            return 2;
        }

        if (final is null)
        {
            await error.WriteLineAsync("No answer came back.");
            return 1;
        }

        await PrintAsync(final, output);
        return 0;
    }

    private static async Task PrintAsync(ChatResponseUpdate final, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(final.Text);

        var sources = final.Contents.OfType<TextContent>()
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

        if (final.AdditionalProperties?[PerplexityChatResponseProperties.RelatedQuestions] is IReadOnlyList<string> { Count: > 0 } related)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Related questions:");
            foreach (var question in related)
            {
                await output.WriteLineAsync($"  - {question}");
            }
        }

        await output.WriteLineAsync();
        if (final.Contents.OfType<UsageContent>().FirstOrDefault()?.Details is { } usage)
        {
            await output.WriteLineAsync(
                $"Model {final.ModelId}, {usage.InputTokenCount} input + {usage.OutputTokenCount} output tokens ({usage.ReasoningTokenCount ?? 0} reasoning)");
        }

        if (final.AdditionalProperties?[PerplexityChatResponseProperties.Cost] is Cost cost)
        {
            await output.WriteLineAsync($"Cost: ${cost.TotalCost.ToString("0.0000", CultureInfo.InvariantCulture)}");
        }
    }
}
