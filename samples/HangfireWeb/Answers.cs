using Hangfire;

namespace HangfireWebSample;

/// <summary>What <c>GET /questions/{id}</c> shows: the answer once handled, else the run's progress from the job.</summary>
internal sealed class Answers(JobStorage storage)
{
    public static string Key(string questionId) => "perplexity-answer:" + questionId;

    public Answer? Find(string questionId)
    {
        using var connection = storage.GetConnection();
        if (connection.GetAllEntriesFromHash(Key(questionId)) is { } done)
        {
            return new Answer(questionId, done["status"], done["run_id"], done["answer"]);
        }

        var job = connection.GetJobData(questionId);
        if (job is null)
        {
            return null;
        }

        // The run id is a parameter of the job that created the run (JSON-encoded by Hangfire).
        var runId = connection.GetJobParameter(questionId, "Perplexity.RunId")?.Trim('"');
        return new Answer(questionId, runId is null ? "creating" : "running", runId, null);
    }
}

/// <summary>A question's state as the API shows it.</summary>
internal sealed record Answer(string Id, string Status, string? RunId, string? Text);
