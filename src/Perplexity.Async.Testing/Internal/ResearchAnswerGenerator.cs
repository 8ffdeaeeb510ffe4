using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Builds the completion of a job nobody scripted: a deep-research style answer about the prompt, with citations,
/// search results, usage and cost; reasoning steps of each kind on the legacy route for reasoning models; images
/// and related questions on the sonar route. Deterministic: the same job always gets the same answer. The Agent API's
/// runs use the same sources and answer, with <c>[web:N]</c> markers instead of <c>[N]</c> (<see cref="AgentAnswer"/>).
/// </summary>
internal static class ResearchAnswerGenerator
{
    /// <summary>How old each of the four sources is, in days before the job was created.</summary>
    private static readonly int[] SourceAgeDays = { 400, 9, 150, 90 };

    public static CompletionResponse Generate(JobRecord job, RouteFamily family)
    {
        var request = job.Request;
        var topic = PromptTopic.From(request.Prompt);
        var finished = job.FinishAt ?? job.StartAt;
        var sources = Sources(topic, job.CreatedAt);
        var content = Answer(topic);
        var isReasoningModel = IsReasoningModel(request.Model);
        var message = new ChatMessage
        {
            Role = ChatMessageRole.Assistant,
            Content = content,
            ReasoningSteps = family == RouteFamily.ChatCompletions && isReasoningModel ? ReasoningSteps(topic, sources, job.CreatedAt) : null,
        };

        var isSonar = family == RouteFamily.Sonar;
        return new CompletionResponse
        {
            Id = "cmpl_" + job.Id,
            Model = request.Model,
            Created = finished,
            Choices = new[]
            {
                new Choice
                {
                    Index = 0,
                    Message = message,
                    Delta = new ChatMessage { Role = ChatMessageRole.Assistant, Content = string.Empty },
                    FinishReason = FinishReason.Stop,
                },
            },
            Usage = UsageEstimator.Estimate(request.Model, request.Prompt, content, topic.Keywords.Count),
            Citations = sources.Select(s => s.Url).ToArray(),
            SearchResults = sources,
            Type = isSonar ? (CompletionResponseType?)null : CompletionResponseType.Message,
            Status = isSonar ? (CompletionResponseStatus?)null : CompletionResponseStatus.Completed,
            Images = isSonar && request.ReturnImages != false ? Images(topic, sources) : null,
            RelatedQuestions = isSonar && request.ReturnRelatedQuestions != false ? RelatedQuestions(topic) : null,
        };
    }

    /// <summary>
    /// The answer of an Agent run that found <paramref name="sourceCount"/> search results: the legacy answer's text
    /// with <c>[web:N]</c> markers (N = the 1-based result id), and a further-reading line for results beyond the
    /// first four. Without results the answer says no web search ran.
    /// </summary>
    internal static string AgentAnswer(PromptTopic topic, int sourceCount)
    {
        if (sourceCount == 0)
        {
            return $"**{topic.Title}**\n\nThis answer about {topic.Subject} was written without a web search, so it cites no sources.\n\n"
                + "_Emulated answer: Perplexity.Async.Testing generated it offline from the question. No model was called._";
        }

        string Cite(int id) => id <= sourceCount ? $"[web:{id.ToString(CultureInfo.InvariantCulture)}]" : string.Empty;
        var further = sourceCount > 4
            ? "- **Further reading.** Other sources add detail and context "
                + string.Concat(Enumerable.Range(5, sourceCount - 4).Select(Cite)) + ".\n"
            : string.Empty;
        return Answer(topic).Replace("[1][4]", Cite(1) + Cite(4)).Replace("[2]", Cite(2)).Replace("[3]", Cite(3))
            .Replace("\n\n_Emulated", "\n" + further + "\n_Emulated");
    }

    /// <summary>
    /// <paramref name="count"/> sources about the topic (at most eight): the four of the legacy answer, then four more
    /// kinds of page.
    /// </summary>
    internal static ApiPublicSearchResult[] AgentSources(PromptTopic topic, DateTimeOffset createdAt, int count)
    {
        var subject = topic.Subject;
        var title = topic.SubjectTitle;
        var slug = topic.Slug;
        var more = new[]
        {
            Source($"{title}: official statistics", $"https://data.example.gov/topics/{slug}",
                $"Official figures on {subject}, updated every quarter.", createdAt, 45, 20),
            Source($"{title}: an industry report", $"https://industry.example.com/reports/{slug}",
                $"Market data and forecasts on {subject} from an industry body.", createdAt, 75, 40),
            Source($"{title} explained", $"https://blog.example.io/{slug}-explained",
                $"A plain-language explainer of {subject} and its trade-offs.", createdAt, 30, 5),
            Source($"{title}: open dataset", $"https://datasets.example.org/{slug}",
                $"A downloadable dataset behind common estimates of {subject}.", createdAt, 200, 100),
        };
        return Sources(topic, createdAt).Concat(more).Take(Math.Max(0, Math.Min(count, 8))).ToArray();
    }

    internal static bool IsReasoningModel(string model) =>
        model.IndexOf("reasoning", StringComparison.OrdinalIgnoreCase) >= 0
        || model.IndexOf("deep-research", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string Answer(PromptTopic topic) =>
        $"**{topic.Title}**\n\n"
        + $"- **Overview.** The sources agree on the basics of {topic.Subject} and the figures most often cited [1][4].\n"
        + $"- **Latest developments.** Recent coverage updates those figures and adds context from this year [2].\n"
        + $"- **Evidence.** A review that compares studies finds broadly consistent estimates, with some spread between them [3].\n\n"
        + "_Emulated answer: Perplexity.Async.Testing generated it offline from the question. No model was called and the sources are placeholders._";

    private static ApiPublicSearchResult[] Sources(PromptTopic topic, DateTimeOffset createdAt)
    {
        var subject = topic.Subject;
        var title = topic.SubjectTitle;
        var slug = topic.Slug;
        return new[]
        {
            Source($"{title}: overview and key facts", $"https://encyclopedia.example/wiki/{slug}",
                $"An overview of {subject}: definitions, background and the figures most often cited.", createdAt, SourceAgeDays[0], 30),
            Source($"{title}: the latest developments", "https://news.example.com/" + createdAt.Year.ToString(CultureInfo.InvariantCulture) + "/" + slug,
                $"Recent reporting on {subject}, with figures updated this year.", createdAt, SourceAgeDays[1], 2),
            Source($"A review of the evidence on {subject}", $"https://research.example.org/papers/{slug}-review",
                $"A peer-reviewed survey that compares estimates of {subject} across studies.", createdAt, SourceAgeDays[2], 60),
            Source($"{title}: frequently asked questions", $"https://faq.example.net/{slug}",
                $"Short answers to common questions about {subject}.", createdAt, SourceAgeDays[3], 12),
        };
    }

    private static ApiPublicSearchResult Source(
        string title, string url, string snippet, DateTimeOffset createdAt, int ageDays, int updatedDaysAgo) =>
        new()
        {
            Title = title,
            Url = url,
            Snippet = snippet,
            Date = createdAt.AddDays(-ageDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastUpdated = createdAt.AddDays(-updatedDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = SearchResultSource.Web,
        };

    private static ReasoningStep[] ReasoningSteps(PromptTopic topic, ApiPublicSearchResult[] sources, DateTimeOffset createdAt)
    {
        var years = SourceAgeDays.Select(days => createdAt.AddDays(-days).Year).ToArray();
        var newest = years.Max();
        return new[]
        {
            new ReasoningStep
            {
                Thought = $"Search for recent, authoritative sources on {topic.Subject}.",
                Type = "web_search",
                WebSearch = new WebSearchStepDetails
                {
                    SearchKeywords = new[] { topic.Title, topic.Subject + " overview", topic.Subject + " latest research" },
                    SearchResults = new[] { sources[0], sources[1] },
                },
            },
            new ReasoningStep
            {
                Thought = "Read the most relevant pages in full to check the details.",
                Type = "fetch_url_content",
                FetchUrlContent = new FetchUrlContentStepDetails { Contents = new[] { sources[2], sources[3] } },
            },
            new ReasoningStep
            {
                Thought = "Cross-check how recent the sources are before writing the answer.",
                Type = "execute_python",
                ExecutePython = new ExecutePythonStepDetails
                {
                    Code = $"years = [{string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}]\nprint(f\"{{len(years)}} sources, newest from {{max(years)}}\")",
                    Result = $"{years.Length.ToString(CultureInfo.InvariantCulture)} sources, newest from {newest.ToString(CultureInfo.InvariantCulture)}",
                },
            },
        };
    }

    private static ImageResult[] Images(PromptTopic topic, ApiPublicSearchResult[] sources) =>
        new[]
        {
            new ImageResult
            {
                ImageUrl = $"https://images.example.com/{topic.Slug}-1.jpg",
                OriginUrl = sources[0].Url,
                Title = $"{topic.SubjectTitle} (illustration)",
                Width = 1200,
                Height = 800,
            },
            new ImageResult
            {
                ImageUrl = $"https://images.example.com/{topic.Slug}-2.png",
                OriginUrl = sources[2].Url,
                Title = $"{topic.SubjectTitle} (chart)",
                Width = 800,
                Height = 600,
            },
        };

    private static string[] RelatedQuestions(PromptTopic topic) =>
        new[]
        {
            $"What are the latest developments in {topic.Subject}?",
            $"How does {topic.Subject} compare with the alternatives?",
            $"What do experts disagree about regarding {topic.Subject}?",
        };
}
