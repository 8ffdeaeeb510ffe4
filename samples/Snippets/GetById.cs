using Perplexity.Async;

namespace Snippets;

/// <summary>get-by-id: a job's current state in one request, <c>GET /v1/async/sonar/{id}</c>. No waiting.</summary>
internal static class GetById
{
    public static async Task RunAsync(PerplexityAsyncClient client, string requestId, TextWriter output, CancellationToken cancellationToken)
    {
        AsyncApiChatCompletionsResponse job = await client.Sonar.GetAsync(requestId, cancellationToken);
        output.WriteLine($"{job.Id}: {job.Status} (model {job.Model}, created {job.CreatedAt:u})");

        if (job.Status == AsyncProcessingStatus.Completed)
        {
            output.WriteLine(job.Response!.Text);
            foreach (var url in job.Response.Citations ?? [])
            {
                output.WriteLine(url);
            }
        }
        else if (job.Status == AsyncProcessingStatus.Failed)
        {
            output.WriteLine($"failed at {job.FailedAt:u}: {job.ErrorMessage}");
        }
        else
        {
            // CREATED or IN_PROGRESS (or a status added after this SDK): get it again later, or wait for it.
            output.WriteLine("not finished yet: get it again later, or wait for it (see wait-with-progress)");
        }
    }
}
