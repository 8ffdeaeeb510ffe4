using System.Diagnostics;
using Perplexity.Async.Diagnostics;

namespace Perplexity.Async.Waiting;

/// <summary>
/// The token usage and cost of a wait on many jobs, summed over the jobs that reported them, for the wait's span: a
/// span that carried the last job's figures would under-report the wait by every other job.
/// </summary>
internal struct UsageTotals
{
    private const string Mixed = "\0mixed";

    private long _input;
    private long _output;
    private decimal _cost;
    private bool _hasTokens;
    private bool _hasCost;
    private string? _requestModel;
    private string? _responseModel;

    /// <summary>Adds one terminal job's figures (strings already redacted).</summary>
    public void Add(string requestModel, string responseModel, long? inputTokens, long? outputTokens, decimal? totalCost)
    {
        _requestModel = Merge(_requestModel, requestModel);
        _responseModel = Merge(_responseModel, responseModel);
        if (inputTokens is { } input && outputTokens is { } output)
        {
            _input += input;
            _output += output;
            _hasTokens = true;
            if (totalCost is { } cost)
            {
                _cost += cost;
                _hasCost = true;
            }
        }
    }

    /// <summary>Tags the span with the totals, and with the models when every job shared them.</summary>
    public readonly void Tag(Activity activity)
    {
        if (_requestModel is not null and not Mixed)
        {
            activity.SetTag(TelemetryTags.GenAiRequestModel, _requestModel);
        }

        if (_responseModel is not null and not Mixed)
        {
            activity.SetTag(TelemetryTags.GenAiResponseModel, _responseModel);
        }

        if (_hasTokens)
        {
            activity.SetTag(TelemetryTags.GenAiUsageInputTokens, _input);
            activity.SetTag(TelemetryTags.GenAiUsageOutputTokens, _output);
        }

        if (_hasCost)
        {
            activity.SetTag(TelemetryTags.CostTotal, (double)_cost);
        }
    }

    private static string Merge(string? seen, string model) =>
        seen is null ? model : string.Equals(seen, model, System.StringComparison.Ordinal) ? seen : Mixed;
}
