using Perplexity.Async;

namespace Snippets;

/// <summary>create-and-wait: start a job, wait for it, use the answer.</summary>
internal static class CreateAndWait
{
    public static async Task RunAsync(PerplexityAsyncClient client, TextWriter output, CancellationToken cancellationToken)
    {
        var request = new ChatCompletionRequest
        {
            Model = "sonar-pro",
            Messages =
            [
                ChatRequestMessage.System("Be precise and concise."),
                ChatRequestMessage.User("How do heat pumps work in cold climates?"),
            ],
        };

        // TODO(RunAsync): once AsyncCompletionsClient.RunAsync lands, these two calls become one:
        //   AsyncApiChatCompletionsResponse done = await client.Sonar.RunAsync(request, polling: null, progress: null, cancellationToken);
        // POST /v1/async/sonar answers at once with the job's id; the SDK retries it safely with an idempotency key.
        AsyncApiChatCompletionsResponse job = await client.Sonar.CreateAsync(request, cancellationToken);
        output.WriteLine($"started {job.Id}: {job.Status}");

        AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(job.Id, cancellationToken);

        CompletionResponse answer = done.Response!;
        output.WriteLine(answer.Text);
        output.WriteLine($"{answer.Citations?.Count ?? 0} citations, cost ${answer.Usage?.Cost?.TotalCost}");
    }
}
