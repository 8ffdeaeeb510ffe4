using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// Turns a streamed run's events into what a person watching wants to see, as it happens: the run id once, each status
/// change, each search query and each source found on a line of its own, and the answer as it is written (the last
/// words on the spinner line in a terminal; one line when it starts in plain output, so redirected output stays plain
/// lines). The full answer, rendered, is printed once at the end by <see cref="AgentResultPrinter"/>.
/// </summary>
/// <remarks>
/// It reads what the SDK's <see cref="AgentResponseAccumulator"/> has gathered, so an event replayed after a dropped
/// connection (the SDK resumes silently) changes nothing and prints nothing twice.
/// </remarks>
internal sealed class StreamProgress(LiveStatus status, AgentPreset preset)
{
    private const int PreviewLength = 48;

    private readonly AgentResponseAccumulator _run = new();
    private int _queriesShown;
    private int _sourcesShown;
    private int _pagesShown;
    private bool _announced;
    private bool _writingShown;

    /// <summary>The run as built from the events so far; null before the first snapshot.</summary>
    public AgentResponse? Run => _run.ToResponse();

    /// <summary>Applies one event and shows what it changed.</summary>
    public void Show(AgentStreamEvent streamEvent)
    {
        // The status, not ToResponse(): building the whole run for every event would copy the answer once per delta.
        if (!_run.Apply(streamEvent) || _run.Status is not { } current)
        {
            return;
        }

        if (!_announced)
        {
            _announced = true;
            status.Announce($"Run {_run.ToResponse()!.Id} started ({preset}). Ctrl+C cancels it.");
        }

        for (; _queriesShown < _run.Queries.Count; _queriesShown++)
        {
            status.Announce($"  Searching: {_run.Queries[_queriesShown]}");
        }

        for (; _sourcesShown < _run.Sources.Count; _sourcesShown++)
        {
            var source = _run.Sources[_sourcesShown];
            status.Announce($"  Found: {source.Title} ({source.Url})");
        }

        for (; _pagesShown < _run.FetchedPages.Count; _pagesShown++)
        {
            status.Announce($"  Reading: {_run.FetchedPages[_pagesShown].Url}");
        }

        // The answer as it is written: only message text counts (the accumulator gathers it from the deltas).
        if (streamEvent is AgentOutputTextDeltaEvent or AgentOutputTextDoneEvent && !_run.IsTerminal)
        {
            if (!_writingShown)
            {
                _writingShown = true;
                status.Announce("  Writing the answer...");
            }

            status.ShowDetail(Tail(_run.Text));
        }

        status.Report(current.Value);
        if (_run.IsTerminal)
        {
            status.ShowDetail(null);
        }
    }

    // The last words written, on one line: what a terminal's live line can show of an answer in progress.
    private static string Tail(string text)
    {
        var flat = text.ReplaceLineEndings(" ").TrimEnd();
        return flat.Length <= PreviewLength ? flat : "..." + flat[^PreviewLength..];
    }
}
