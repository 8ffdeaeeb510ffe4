using Perplexity.Async;

namespace Snippets;

/// <summary>wait-for-many: start several jobs, then wait for all of them; they run side by side on the server.</summary>
internal static class WaitForMany
{
    public static async Task RunAsync(PerplexityAsyncClient client, TextWriter output, CancellationToken cancellationToken)
    {
        string[] questions =
        [
            "What is the boiling point of water at the top of Mount Everest?",
            "Why is the sky blue?",
            "How long does light take to reach Earth from the Sun?",
        ];

        // Start every job first, then wait: the total time is that of the slowest job, not the sum.
        var ids = new List<string>();
        foreach (var question in questions)
        {
            var request = new ChatCompletionRequest { Model = "sonar", Messages = [ChatRequestMessage.User(question)] };
            AsyncApiChatCompletionsResponse job = await client.Sonar.CreateAsync(request, cancellationToken);
            ids.Add(job.Id);
        }

        // ---- Wait for all of them ------------------------------------------------------------------------------
        // TODO(WaitForAllAsync): once AsyncCompletionsClient.WaitForAllAsync lands, replace the Task.WhenAll below with
        //   IReadOnlyList<AsyncApiChatCompletionsResponse> results =
        //       await client.Sonar.WaitForAllAsync(ids, polling: null, progress: null, cancellationToken);
        // Until then: one WaitForCompletionAsync per id, all polling at once. If a job fails, WhenAll throws its
        // PerplexityJobFailedException once every wait has ended.
        AsyncApiChatCompletionsResponse[] results = await Task.WhenAll(
            ids.Select(id => client.Sonar.WaitForCompletionAsync(id, cancellationToken)));
        // ---------------------------------------------------------------------------------------------------------

        for (var i = 0; i < ids.Count; i++)
        {
            var answer = results[i].Response!;
            output.WriteLine(questions[i]);
            output.WriteLine($"  {FirstLine(answer.Text)} ({answer.Citations?.Count ?? 0} citations, ${answer.Usage?.Cost?.TotalCost})");
        }
    }

    private static string FirstLine(string? text) =>
        text is null ? "(no text)" : text.Split('\n', 2)[0].Trim();
}
