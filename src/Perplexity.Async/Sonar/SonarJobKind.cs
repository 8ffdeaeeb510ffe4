using System;
using System.Diagnostics;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Errors;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// An async chat-completions job as the wait engine sees it: <c>CREATED</c> → <c>IN_PROGRESS</c> →
/// <c>COMPLETED</c> (with its response) or <c>FAILED</c> (a <see cref="PerplexityJobFailedException"/>).
/// </summary>
internal sealed class SonarJobKind : JobKind<AsyncApiChatCompletionsResponse>
{
    public SonarJobKind(string route) => RouteTemplate = route + "/{api_request}";

    public override string RouteTemplate { get; }

    public override string IdOf(AsyncApiChatCompletionsResponse state) => state.Id;

    public override string StatusOf(AsyncApiChatCompletionsResponse state) => state.Status.Value;

    public override bool IsTerminal(AsyncApiChatCompletionsResponse state) => state.Status.IsTerminal;

    public override bool LacksResult(AsyncApiChatCompletionsResponse state) =>
        state.Status == AsyncProcessingStatus.Completed && state.Response is null;

    public override string MissingResult => "has no response";

    public override bool IsFailure(AsyncApiChatCompletionsResponse state) => state.Status == AsyncProcessingStatus.Failed;

    /// <remarks>The API's <c>error_message</c> may echo the request (and so the key): the message is redacted, the envelope is the API's.</remarks>
    public override PerplexityException CreateFailure(AsyncApiChatCompletionsResponse state, Redactor redactor) =>
        new PerplexityJobFailedException(redactor.Redact(PerplexityJobFailedException.Describe(state))!, state) { JobId = state.Id };

    public override string? FailureReasonOf(AsyncApiChatCompletionsResponse state) => state.ErrorMessage;

    public override PerplexityTimeoutException CreateTimeout(
        string message, TimeSpan timeout, AsyncApiChatCompletionsResponse? lastState, Exception innerException) =>
        new(message, timeout, lastState, innerException);

    public override void RecordTerminal(AsyncApiChatCompletionsResponse state, WaitDiagnostics diagnostics)
    {
        var redactor = diagnostics.Redactor;
        if (state.Status != AsyncProcessingStatus.Completed || state.Response is not { } response)
        {
            return;
        }

        var requestModel = redactor.Redact(state.Model)!;
        var model = string.IsNullOrEmpty(response.Model) ? requestModel : redactor.Redact(response.Model)!;
        var usage = response.Usage;
        diagnostics.RecordUsage(
            requestModel, model, redactor.Redact(response.Id), usage?.PromptTokens, usage?.CompletionTokens, usage?.Cost?.TotalCost);
    }
}
