using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

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

    public static readonly ActivitySource ActivitySource = new(Name, PackageVersion.Value);

    public static readonly Meter Meter = new(Name, PackageVersion.Value);

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
    /// Tags <paramref name="activity"/> (the wait span) with the token usage and cost of a finished job or run (or the
    /// totals of a wait on many). The caller passes server-supplied strings already redacted.
    /// </summary>
    /// <param name="activity">The span to tag (the wait span); none when null. Never <see cref="Activity.Current"/>: that is
    /// the caller's span (an <c>IChatClient</c>'s, for example), whose <c>gen_ai.*</c> tags are not the SDK's to set.</param>
    /// <param name="requestModel">The model (or preset) the job was created with.</param>
    /// <param name="responseModel">The model that answered.</param>
    /// <param name="responseId">The id of the answer, when it has one.</param>
    /// <param name="inputTokens">Input tokens; null when not reported (then only the model tags are set).</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <param name="totalCost">The total cost in US dollars, when reported.</param>
    public static void TagUsage(
        Activity? activity, string requestModel, string responseModel, string? responseId, long? inputTokens, long? outputTokens, decimal? totalCost)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(TelemetryTags.GenAiRequestModel, requestModel);
        activity.SetTag(TelemetryTags.GenAiResponseModel, responseModel);
        if (responseId is not null)
        {
            activity.SetTag(TelemetryTags.GenAiResponseId, responseId);
        }

        if (inputTokens is not { } input || outputTokens is not { } output)
        {
            return;
        }

        activity.SetTag(TelemetryTags.GenAiUsageInputTokens, input);
        activity.SetTag(TelemetryTags.GenAiUsageOutputTokens, output);
        if (totalCost is { } cost)
        {
            activity.SetTag(TelemetryTags.CostTotal, (double)cost);
        }
    }

    /// <summary>Records one job's token usage and cost on the meter (nothing when the job reported no usage); strings redacted by the caller.</summary>
    public static void RecordUsageMetrics(string requestModel, string responseModel, long? inputTokens, long? outputTokens, decimal? totalCost)
    {
        if (inputTokens is not { } input || outputTokens is not { } output)
        {
            return;
        }

        if (TokenUsage.Enabled)
        {
            TokenUsage.Record(input, GenAiTags(requestModel, responseModel, TelemetryTags.TokenTypeInput));
            TokenUsage.Record(output, GenAiTags(requestModel, responseModel, TelemetryTags.TokenTypeOutput));
        }

        if (totalCost is { } cost && Cost.Enabled)
        {
            Cost.Add((double)cost, GenAiTags(requestModel, responseModel, tokenType: null));
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
