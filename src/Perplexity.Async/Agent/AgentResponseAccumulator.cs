using System;
using System.Collections.Generic;
using System.Text;

namespace Perplexity.Async;

/// <summary>
/// Builds a run's <see cref="AgentResponse"/> from its stream events, for a progress display: the answer text so far,
/// the searches and sources so far, the output items as they are added and finished, the latest status. Feed it every
/// event of <c>StreamAsync</c> or <c>ResumeStreamAsync</c> with <see cref="Apply"/>; read <see cref="Text"/>,
/// <see cref="Sources"/>, <see cref="Queries"/> or the whole <see cref="ToResponse"/> at any time. Not thread-safe.
/// </summary>
/// <remarks>
/// An event it has already applied (by sequence number) is ignored, so replayed events do no harm. The terminal
/// event's snapshot, when it carries the output, is the response as the server sent it; before that, the response is
/// the latest snapshot with the output built from the events.
/// </remarks>
/// <example>
/// <code>
/// var progress = new AgentResponseAccumulator();
/// await foreach (AgentStreamEvent e in client.Agent.StreamAsync(request, cancellationToken))
/// {
///     if (progress.Apply(e))
///     {
///         Render(progress.Text, progress.Sources);
///     }
/// }
/// AgentResponse final = progress.ToResponse()!;
/// </code>
/// </example>
public sealed class AgentResponseAccumulator
{
    private readonly SortedDictionary<int, AgentOutputItem> _items = new();
    private readonly SortedDictionary<int, SortedDictionary<int, StringBuilder>> _text = new();
    private readonly Dictionary<int, string> _messageIds = new();
    private readonly List<string> _queries = new();
    private readonly List<AgentSearchResult> _sources = new();
    private readonly List<AgentUrlContent> _pages = new();
    private AgentResponse? _snapshot;
    private AgentResponse? _built;
    private string? _textSoFar;

    /// <summary>The sequence number of the last event applied; null before the first.</summary>
    public long? LastSequenceNumber { get; private set; }

    /// <summary>The run's status as of the last event that told it; null before a snapshot arrived.</summary>
    public AgentResponseStatus? Status => _snapshot?.Status;

    /// <summary>Whether the terminal event was applied.</summary>
    public bool IsTerminal { get; private set; }

    /// <summary>The answer so far: the text of the message items, in output order, deltas included.</summary>
    public string Text => _textSoFar ??= BuildText();

    /// <summary>The web search queries issued so far (<c>response.reasoning.search_queries</c>).</summary>
    public IReadOnlyList<string> Queries => _queries;

    /// <summary>The search results found so far (<c>response.reasoning.search_results</c>), in arrival order.</summary>
    public IReadOnlyList<AgentSearchResult> Sources => _sources;

    /// <summary>The pages fetched so far (<c>response.reasoning.fetch_url_results</c>).</summary>
    public IReadOnlyList<AgentUrlContent> FetchedPages => _pages;

    /// <summary>Applies one event.</summary>
    /// <param name="streamEvent">The next event of the stream.</param>
    /// <returns>Whether it changed what the accumulator holds (false for a replayed event or one that carries no progress).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streamEvent"/> is null.</exception>
    public bool Apply(AgentStreamEvent streamEvent)
    {
        if (streamEvent is null)
        {
            throw new ArgumentNullException(nameof(streamEvent));
        }

        if (streamEvent.HasSequenceNumber)
        {
            if (LastSequenceNumber is { } last && streamEvent.SequenceNumber <= last)
            {
                return false;
            }

            LastSequenceNumber = streamEvent.SequenceNumber;
        }

        var changed = Take(streamEvent);
        if (changed)
        {
            _built = null;
            _textSoFar = null;
        }

        return changed;
    }

    /// <summary>
    /// The run as built so far: the latest snapshot, with the output items added or finished so far and the streamed text
    /// in its messages (and the sources found so far as a <c>search_results</c> item, when no such item arrived yet).
    /// After a terminal event that carries the output, that event's snapshot as sent. Null until a snapshot arrived (a
    /// stream resumed after its <c>response.created</c> has none before its terminal event).
    /// </summary>
    public AgentResponse? ToResponse()
    {
        if (_snapshot is null)
        {
            return null;
        }

        if (IsTerminal && _snapshot.Output.Count > 0)
        {
            return _snapshot;
        }

        return _built ??= _snapshot with { Output = BuildOutput() };
    }

    private bool Take(AgentStreamEvent e)
    {
        switch (e)
        {
            case AgentResponseFailedEvent failed:
                _snapshot = failed.Response
                    ?? (_snapshot is null ? null : _snapshot with { Status = AgentResponseStatus.Failed, Error = failed.Error ?? _snapshot.Error });
                IsTerminal = true;
                return true;
            case AgentResponseSnapshotEvent snapshot:
                IsTerminal = e.IsTerminal;
                if (snapshot.Response is { } response)
                {
                    _snapshot = response;
                }

                return true;
            case AgentOutputItemAddedEvent added:
                _items[added.OutputIndex] = added.Item;
                return true;
            case AgentOutputItemDoneEvent done:
                _items[done.OutputIndex] = done.Item;
                _text.Remove(done.OutputIndex);
                return true;
            case AgentOutputTextDeltaEvent delta:
                Builder(delta.OutputIndex, delta.ContentIndex, delta.ItemId).Append(delta.Delta);
                return true;
            case AgentOutputTextDoneEvent textDone:
                Builder(textDone.OutputIndex, textDone.ContentIndex, textDone.ItemId).Clear().Append(textDone.Text);
                return true;
            case AgentReasoningSearchQueriesEvent queries:
                _queries.AddRange(queries.Queries);
                return queries.Queries.Count > 0;
            case AgentReasoningSearchResultsEvent results:
                _sources.AddRange(results.Results);
                return results.Results.Count > 0;
            case AgentReasoningFetchUrlResultsEvent pages:
                _pages.AddRange(pages.Contents);
                return pages.Contents.Count > 0;
            default:
                return false;
        }
    }

    private StringBuilder Builder(int outputIndex, int contentIndex, string itemId)
    {
        if (!_text.TryGetValue(outputIndex, out var parts))
        {
            _text[outputIndex] = parts = new SortedDictionary<int, StringBuilder>();
        }

        if (!parts.TryGetValue(contentIndex, out var builder))
        {
            parts[contentIndex] = builder = new StringBuilder();
        }

        _messageIds[outputIndex] = itemId;
        return builder;
    }

    private List<AgentOutputItem> BuildOutput()
    {
        var output = new List<AgentOutputItem>(_items.Count + 1);
        var indexes = new SortedSet<int>(_items.Keys);
        indexes.UnionWith(_text.Keys);
        var hasSearchResults = false;
        foreach (var index in indexes)
        {
            _items.TryGetValue(index, out var item);
            if (_text.TryGetValue(index, out var parts))
            {
                item = WithText(item as AgentMessageOutputItem, index, parts);
            }

            hasSearchResults |= item is AgentSearchResultsOutputItem;
            output.Add(item!);
        }

        if (!hasSearchResults && _sources.Count > 0)
        {
            output.Insert(0, new AgentSearchResultsOutputItem { Queries = _queries.ToArray(), Results = _sources.ToArray() });
        }

        return output;
    }

    private AgentMessageOutputItem WithText(AgentMessageOutputItem? message, int index, SortedDictionary<int, StringBuilder> parts)
    {
        var content = new List<AgentOutputContentPart>(message?.Content ?? Array.Empty<AgentOutputContentPart>());
        foreach (var part in parts)
        {
            while (content.Count <= part.Key)
            {
                content.Add(new AgentOutputTextPart { Text = string.Empty });
            }

            content[part.Key] = content[part.Key] is AgentOutputTextPart existing
                ? existing with { Text = part.Value.ToString() }
                : new AgentOutputTextPart { Text = part.Value.ToString() };
        }

        return message is null
            ? new AgentMessageOutputItem
            {
                Id = _messageIds[index],
                Role = AgentMessageRole.Assistant,
                Status = AgentResponseStatus.InProgress,
                Content = content,
            }
            : message with { Content = content };
    }

    private string BuildText()
    {
        if (IsTerminal && _snapshot is { Output.Count: > 0 } final)
        {
            return final.OutputText;
        }

        var text = new StringBuilder();
        var indexes = new SortedSet<int>(_items.Keys);
        indexes.UnionWith(_text.Keys);
        foreach (var index in indexes)
        {
            if (_text.TryGetValue(index, out var parts))
            {
                foreach (var part in parts.Values)
                {
                    text.Append(part);
                }
            }
            else if (_items.TryGetValue(index, out var item) && item is AgentMessageOutputItem message)
            {
                text.Append(message.Text);
            }
        }

        return text.ToString();
    }
}
