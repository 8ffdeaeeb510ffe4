using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Plans a run when it is created: what it finds and writes (topic-aware sources and answer, usage and cost) and
/// when each stream event happens. A run is queued, then spends the first 60 % of its running time on searches and
/// page reads (all of it when it writes no message) and the rest writing the answer word by word.
/// </summary>
internal static class AgentRunPlanner
{
    private const double ResearchShare = 0.6;

    public static AgentRunContent PlanContent(ParsedAgentRequest request, AgentScript script, DateTimeOffset createdAt)
    {
        var topic = PromptTopic.From(request.Prompt);
        var (searches, fetches) = ToolCalls(request);
        var found = ResearchAnswerGenerator.AgentSources(topic, createdAt, searches == 0 ? 0 : Math.Min(8, 2 + (2 * searches)));
        var sources = found.Select((s, i) => new AgentSource(i + 1, s.Url, s.Title, s.Snippet ?? string.Empty, s.Date, s.LastUpdated)).ToArray();
        var items = new List<RunOutputItem>();
        for (var s = 0; s < searches; s++)
        {
            items.Add(new RunOutputItem(AgentItemKind.SearchResults)
            {
                Queries = Queries(topic, s),
                Sources = sources.Where((_, i) => i % searches == s).ToArray(),
            });
        }

        if (fetches > 0)
        {
            var pages = sources.Take(fetches).Select(s => s with { Snippet = PageText(s, topic) }).ToArray();
            items.Add(new RunOutputItem(AgentItemKind.FetchUrlResults) { Sources = pages });
        }

        // A function call is answered once the input carries its output: the run then writes its answer.
        var answersCall = script.Outcome == AgentOutcome.CallFunction && request.FunctionOutputs.Count > 0;
        var writes = script.Outcome is AgentOutcome.Complete or AgentOutcome.Incomplete || answersCall;
        var chunks = Array.Empty<string>();
        var messageIndex = -1;
        if (script.Outcome == AgentOutcome.CallFunction && !answersCall)
        {
            items.Add(new RunOutputItem(AgentItemKind.FunctionCall)
            {
                MessageId = "fc_" + Guid.NewGuid().ToString("D"),
                CallId = "call_" + Guid.NewGuid().ToString("N"),
                FunctionName = script.FunctionName,
                Arguments = script.FunctionArguments,
            });
        }

        if (writes)
        {
            var text = script.Text
                ?? (answersCall ? "Function results: " + string.Join("; ", request.FunctionOutputs) : null)
                ?? (request.ResponseSchemaJson is { } schema ? AgentStructuredAnswer.Build(schema, topic, sources)
                    : ResearchAnswerGenerator.AgentAnswer(topic, sources.Length));
            chunks = Chunks(text);
            if (script.Outcome == AgentOutcome.Incomplete)
            {
                chunks = chunks.Take(Math.Max(1, chunks.Length / 2)).ToArray();
            }

            messageIndex = items.Count;
            items.Add(new RunOutputItem(AgentItemKind.Message) { MessageId = "msg_" + Guid.NewGuid().ToString("D") });
        }

        var answer = string.Concat(chunks);
        // A model outside the catalogue (accepted with ValidateRequests off) costs nothing per token.
        var price = AgentCatalogue.TryGetModel(request.ResolvedModel, out var known) ? known : new AgentModelPrice(request.ResolvedModel, 0, 0, 0);
        return new AgentRunContent
        {
            Items = items,
            MessageIndex = messageIndex,
            Chunks = chunks,
            Text = answer,
            Usage = UsageEstimator.EstimateAgent(price, request.Preset, request.Prompt, answer, topic.Keywords.Count, searches, fetches, request.MaxOutputTokens),
            ToolsJson = ResolvedTools(request),
        };
    }

    /// <summary>The run's events; with <paramref name="instant"/> (a synchronous create) all of them happen at once.</summary>
    public static List<AgentTimelineEvent> PlanTimeline(
        ParsedAgentRequest request, AgentScript script, AgentRunContent content, AgentSettings settings, DateTimeOffset createdAt, bool instant)
    {
        var duration = settings.DurationOf(request.Preset?.Name);
        var queued = instant ? TimeSpan.Zero : script.Queued ?? (settings.QueuedDuration < duration ? settings.QueuedDuration : duration);
        var running = instant ? TimeSpan.Zero : script.Running ?? (duration > queued ? duration - queued : TimeSpan.Zero);
        var start = createdAt + queued;
        var end = start + running;
        var writes = content.MessageIndex >= 0;
        var research = writes ? Scale(running, ResearchShare) : running;
        var timeline = new List<AgentTimelineEvent>
        {
            new(createdAt, AgentEventKind.Created),
            new(start, AgentEventKind.InProgress),
            new(start, AgentEventKind.ReasoningStarted),
        };

        var calls = content.Items.Count(i => i.Kind == AgentItemKind.FunctionCall);
        var steps = content.Items.Count - (writes ? 1 : 0) - calls;
        for (var k = 0; k < steps; k++)
        {
            var item = content.Items[k];
            var search = item.Kind == AgentItemKind.SearchResults;
            var asked = start + Scale(research, (k + 0.2) / steps);
            var found = start + Scale(research, (k + 0.9) / steps);
            timeline.Add(new(asked, search ? AgentEventKind.SearchQueries : AgentEventKind.FetchQueries, k));
            timeline.Add(new(found, search ? AgentEventKind.SearchResults : AgentEventKind.FetchResults, k));
            timeline.Add(new(found, AgentEventKind.ItemAdded, k));
            timeline.Add(new(found, AgentEventKind.ItemDone, k));
        }

        if (writes)
        {
            var writing = start + research;
            var message = content.MessageIndex;
            timeline.Add(new(writing, AgentEventKind.ReasoningStopped));
            timeline.Add(new(writing, AgentEventKind.ItemAdded, message));
            var chunks = content.Chunks.Count;
            for (var c = 0; c < chunks; c++)
            {
                timeline.Add(new(writing + Scale(running - research, (c + 1.0) / (chunks + 1)), AgentEventKind.TextDelta, message, c));
            }

            timeline.Add(new(end, AgentEventKind.TextDone, message));
            timeline.Add(new(end, AgentEventKind.ItemDone, message));
        }

        // A function call is the run's last step: added and done as the run ends, with no message.
        for (var k = steps; k < steps + calls; k++)
        {
            timeline.Add(new(end, AgentEventKind.ReasoningStopped));
            timeline.Add(new(end, AgentEventKind.ItemAdded, k));
            timeline.Add(new(end, AgentEventKind.ItemDone, k));
        }

        var terminal = script.Outcome switch
        {
            AgentOutcome.Complete or AgentOutcome.CallFunction => AgentEventKind.Completed,
            AgentOutcome.Incomplete => AgentEventKind.Incomplete,
            AgentOutcome.Fail => AgentEventKind.Failed,
            AgentOutcome.CancelByServer => AgentEventKind.Cancelled,
            _ => (AgentEventKind?)null,
        };
        if (terminal is { } kind)
        {
            timeline.Add(new(end, kind));
        }

        return timeline;
    }

    private static (int Searches, int Fetches) ToolCalls(ParsedAgentRequest request)
    {
        var preset = request.Preset;
        int searches, fetches;
        if (request.ToolTypes.Count > 0)
        {
            // An explicit tool list replaces the preset's tools (as observed live): only the listed ones run.
            searches = request.ToolTypes.Contains("web_search") ? preset?.Searches ?? 1 : 0;
            fetches = request.ToolTypes.Contains("fetch_url") ? Math.Max(1, preset?.Fetches ?? 1) : 0;
        }
        else
        {
            searches = preset?.Searches ?? 0;
            fetches = preset?.Fetches ?? 0;
        }

        // Pages to read come from the searches; a run that does not search has none.
        fetches = searches > 0 ? fetches : 0;
        if (request.MaxToolCalls is { } cap)
        {
            searches = Math.Min(searches, cap);
            fetches = Math.Min(fetches, Math.Max(0, cap - searches));
        }

        return (searches, fetches);
    }

    /// <summary>The request's tools, then (as the live echo does) the preset's default tools of the other types.</summary>
    private static List<string> ResolvedTools(ParsedAgentRequest request)
    {
        var tools = new List<string>(request.ToolsJson);
        if (request.Preset is { } preset)
        {
            if (!request.ToolTypes.Contains("web_search"))
            {
                tools.Add("{\"type\":\"web_search\"}");
            }

            if (preset.Fetches > 0 && !request.ToolTypes.Contains("fetch_url"))
            {
                tools.Add("{\"type\":\"fetch_url\"}");
            }
        }

        return tools;
    }

    private static string[] Queries(PromptTopic topic, int search)
    {
        var subject = topic.Subject;
        var all = new[]
        {
            topic.Title, subject + " overview", subject + " latest data", subject + " research review",
            subject + " statistics", subject + " expert analysis", subject + " common questions", subject + " trends",
        };
        return [all[(2 * search) % all.Length], all[((2 * search) + 1) % all.Length]];
    }

    private static string PageText(AgentSource source, PromptTopic topic) =>
        $"{source.Title}\n\n{source.Snippet}\n\nThis page covers {topic.Subject} in depth: the background, the figures most "
        + $"often quoted and how they were measured, what changed recently, and where the open questions are. "
        + "(Emulated page text: Perplexity.Async.Testing generated it offline; no page was fetched.)";

    /// <summary>Splits text into words, each with the whitespace after it, so the chunks concatenate to the text.</summary>
    private static string[] Chunks(string text)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            current.Append(text[i]);
            if (char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])))
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks.ToArray();
    }

    private static TimeSpan Scale(TimeSpan span, double factor) => TimeSpan.FromTicks((long)(span.Ticks * factor));
}
