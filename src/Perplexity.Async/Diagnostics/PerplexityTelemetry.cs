using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Diagnostics;

/// <summary>
/// The client's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both named <c>Perplexity.Async</c> and versioned like the package, and the instruments recorded on them.
/// Subscribe with OpenTelemetry's <c>AddSource("Perplexity.Async")</c> and <c>AddMeter("Perplexity.Async")</c>.
/// </summary>
/// <remarks>
/// Nothing costs anything until a listener subscribes: activities are only created when sampled and tags only
/// built when an instrument is enabled. No tag ever carries the API key.
/// </remarks>
internal static class PerplexityTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "Perplexity.Async";

    public static readonly ActivitySource ActivitySource = new(Name, ClientSettings.Version);

    public static readonly Meter Meter = new(Name, ClientSettings.Version);

    /// <summary><c>http.client.request.duration</c> (s): one per HTTP call, as the HTTP client conventions define it.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "http.client.request.duration",
        unit: "s",
        description: "Duration of HTTP client requests to the Perplexity async API.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });

    /// <summary><c>perplexity.client.requests</c>: HTTP calls, tagged with their status code or error type.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "perplexity.client.requests", unit: "{request}", description: "HTTP calls made to the Perplexity async API.");

    /// <summary><c>perplexity.client.polls</c>: GETs made while waiting for a job, tagged with the status seen.</summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>(
        "perplexity.client.polls", unit: "{poll}", description: "Polls made while waiting for asynchronous jobs.");

    /// <summary><c>perplexity.client.wait.duration</c> (s): how long a wait for a job lasted, by final status.</summary>
    public static readonly Histogram<double> WaitDuration = Meter.CreateHistogram(
        "perplexity.client.wait.duration",
        unit: "s",
        description: "Time spent waiting for asynchronous jobs to finish.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600],
        });

    /// <summary><c>gen_ai.client.token.usage</c>: input and output tokens of completed jobs.</summary>
    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Number of input and output tokens used by completed jobs.",
        tags: null,
        advice: new InstrumentAdvice<long>
        {
            HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864],
        });

    /// <summary><c>perplexity.client.cost</c> (US dollars): the total cost the API reported for completed jobs.</summary>
    public static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "perplexity.client.cost", unit: "{USD}", description: "Cost in US dollars reported for completed jobs.");

    /// <summary>
    /// Records the token usage and cost of a completed job, and tags <paramref name="activity"/> (the wait span)
    /// with them. Does nothing for a job that is not completed or reports no usage.
    /// </summary>
    /// <param name="envelope">The job as last polled.</param>
    /// <param name="activity">The span to tag (the wait span); none when null. Never <see cref="Activity.Current"/>: that is
    /// the caller's span (an <c>IChatClient</c>'s, for example), whose <c>gen_ai.*</c> tags are not the SDK's to set.</param>
    public static void RecordCompletion(AsyncApiChatCompletionsResponse envelope, Activity? activity = null)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope));
        }

        if (envelope.Status != AsyncProcessingStatus.Completed || envelope.Response is not { } response)
        {
            return;
        }

        var requestModel = envelope.Model;
        var model = string.IsNullOrEmpty(response.Model) ? requestModel : response.Model;
        activity?.SetTag(TelemetryTags.GenAiRequestModel, requestModel);
        activity?.SetTag(TelemetryTags.GenAiResponseModel, model);
        activity?.SetTag(TelemetryTags.GenAiResponseId, response.Id);
        if (response.Usage is not { } usage)
        {
            return;
        }

        activity?.SetTag(TelemetryTags.GenAiUsageInputTokens, usage.PromptTokens);
        activity?.SetTag(TelemetryTags.GenAiUsageOutputTokens, usage.CompletionTokens);
        if (TokenUsage.Enabled)
        {
            TokenUsage.Record(usage.PromptTokens, GenAiTags(requestModel, model, TelemetryTags.TokenTypeInput));
            TokenUsage.Record(usage.CompletionTokens, GenAiTags(requestModel, model, TelemetryTags.TokenTypeOutput));
        }

        if (usage.Cost is { } cost)
        {
            activity?.SetTag(TelemetryTags.CostTotal, (double)cost.TotalCost);
            if (Cost.Enabled)
            {
                Cost.Add((double)cost.TotalCost, GenAiTags(requestModel, model, tokenType: null));
            }
        }
    }

    private static TagList GenAiTags(string requestModel, string responseModel, string? tokenType)
    {
        var tags = new TagList
        {
            { TelemetryTags.GenAiOperationName, TelemetryTags.OperationChat },
            { TelemetryTags.GenAiProviderName, TelemetryTags.ProviderPerplexity },
            { TelemetryTags.GenAiRequestModel, requestModel },
            { TelemetryTags.GenAiResponseModel, responseModel },
        };
        if (tokenType is not null)
        {
            tags.Add(TelemetryTags.GenAiTokenType, tokenType);
        }

        return tags;
    }

    /// <summary>The <c>error.type</c> of an exception: its full type name, as the conventions suggest.</summary>
    public static string ErrorTypeOf(Exception exception) => exception.GetType().FullName ?? TelemetryTags.OtherError;
}
