using Hangfire;
using Perplexity.Async;

namespace HangfireWebSample;

/// <summary>
/// Called once per finished run, on whichever instance checks it last: keeps the answer in Hangfire's own storage (a
/// hash per question), so every instance of the app sees it and a restart keeps it (with a durable storage).
/// </summary>
internal sealed class AnswerHandler(JobStorage storage) : IPerplexityRunHandler
{
    public Task HandleAsync(AgentResponse response, PerplexityRunContext context, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(Answers.Key(context.StartJobId), new Dictionary<string, string>
        {
            ["status"] = response.Status.Value,
            ["run_id"] = context.RunId,
            ["answer"] = response.OutputText ?? response.Error?.Message ?? string.Empty,
            ["checks"] = context.Checks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return Task.CompletedTask;
    }
}
