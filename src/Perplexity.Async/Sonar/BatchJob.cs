namespace Perplexity.Async;

/// <summary>What <c>SonarBatchWait</c> knows about one of the jobs it waits for.</summary>
internal sealed class BatchJob
{
    public BatchJob(string id) => Id = id;

    public string Id { get; }

    /// <summary>The latest state worth reporting: a GET's answer, or one built from a list entry; never a
    /// <c>COMPLETED</c> envelope without its response.</summary>
    public AsyncApiChatCompletionsResponse? Envelope { get; set; }

    /// <summary>The status last reported (progress and the status-change log).</summary>
#pragma warning disable CA1051 // A mutable struct held by this internal class: a field, so it is updated in place.
    public Waiting.StatusTracker Status;
#pragma warning restore CA1051

    /// <summary><c>COMPLETED</c> with its response, or <c>FAILED</c>, as a GET answered.</summary>
    public bool Finished { get; set; }

    /// <summary>Whether the list is read for this job; false once a scan of the list missed it, and then it is polled by id.</summary>
    public bool OnList { get; set; } = true;

    /// <summary>The round in which the list last showed it.</summary>
    public int SeenInRound { get; set; }

    /// <summary>The list shows it finished: a GET fetches its full envelope.</summary>
    public bool NeedsGet { get; set; }

    /// <summary>A GET's answer in this round, not yet taken in.</summary>
    public AsyncApiChatCompletionsResponse? Fetched { get; set; }

    /// <summary>GETs in a row that answered <c>COMPLETED</c> without the response.</summary>
    public int CompletedWithoutResponse { get; set; }
}
