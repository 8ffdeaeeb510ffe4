using System;
using System.Diagnostics;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Errors;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// An Agent API run as the wait engine sees it: <c>queued</c> → <c>in_progress</c> → <c>completed</c> or
/// <c>incomplete</c> (both returned) or <c>failed</c> / <c>cancelled</c> (both thrown, carrying the response). All of
/// them arrive with HTTP 200. A run whose status is unknown but that carries an <c>error</c> is treated as failed.
/// </summary>
internal sealed class AgentJobKind : JobKind<AgentResponse>
{
    public static AgentJobKind Instance { get; } = new();

    public override string RouteTemplate => AgentRoutes.Responses + "/{response_id}";

    public override string IdOf(AgentResponse state) => state.Id;

    public override string StatusOf(AgentResponse state) => state.Status.Value;

    public override bool IsTerminal(AgentResponse state) => state.Status.IsTerminal || HasErrorWithoutKnownStatus(state);

    public override bool IsFailure(AgentResponse state) =>
        state.Status == AgentResponseStatus.Failed || state.Status == AgentResponseStatus.Cancelled || HasErrorWithoutKnownStatus(state);

    public override PerplexityException CreateFailure(AgentResponse state, Redactor redactor)
    {
        var id = redactor.Redact(state.Id);
        if (state.Status == AgentResponseStatus.Cancelled)
        {
            return new PerplexityRunCancelledException($"Run '{id}' was cancelled{Reason(state, redactor)}.", state);
        }

        return new PerplexityRunFailedException(
            $"Run '{id}' ({redactor.Redact(state.Model)}) ended with status {redactor.Redact(state.Status.Value)}{Reason(state, redactor)}.", state);
    }

    public override string? FailureReasonOf(AgentResponse state) => state.Error?.Message;

    public override PerplexityTimeoutException CreateTimeout(string message, TimeSpan timeout, AgentResponse? lastState, Exception innerException) =>
        new(message, timeout, lastResponse: null, innerException) { LastAgentResponse = lastState };

    /// <remarks>The request's model is unknown here; a completed run reports the model that answered (a preset name before).</remarks>
    public override void RecordTerminal(AgentResponse state, WaitDiagnostics diagnostics)
    {
        var redactor = diagnostics.Redactor;
        var model = redactor.Redact(state.Model)!;
        var usage = state.Usage;
        diagnostics.RecordUsage(model, model, redactor.Redact(state.Id), usage?.InputTokens, usage?.OutputTokens, usage?.Cost?.TotalCost);
    }

    private static bool HasErrorWithoutKnownStatus(AgentResponse state) =>
        state.Error is not null
        && state.Status != AgentResponseStatus.Queued && state.Status != AgentResponseStatus.InProgress
        && state.Status != AgentResponseStatus.Completed && state.Status != AgentResponseStatus.Incomplete;

    private static string Reason(AgentResponse state, Redactor redactor)
    {
        var error = state.Error;
        if (error is null)
        {
            return string.Empty;
        }

        var code = error.Code?.ToString();
        var detail = string.IsNullOrWhiteSpace(error.Message) ? null : redactor.Redact(error.Message);
        return (code, detail) switch
        {
            (null, null) => string.Empty,
            (null, _) => ": " + detail,
            (_, null) => $" (code '{redactor.Redact(code)}')",
            _ => $": {detail} (code '{redactor.Redact(code)}')",
        };
    }
}
