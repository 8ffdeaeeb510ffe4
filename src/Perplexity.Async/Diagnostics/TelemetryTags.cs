namespace Perplexity.Async.Diagnostics;

/// <summary>
/// Attribute names: the OpenTelemetry semantic conventions for HTTP clients and generative AI where they fit,
/// <c>perplexity.*</c> for the rest. None of them ever carries the API key.
/// </summary>
internal static class TelemetryTags
{
    public const string HttpRequestMethod = "http.request.method";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlTemplate = "url.template";
    public const string ErrorType = "error.type";

    public const string GenAiOperationName = "gen_ai.operation.name";
    public const string GenAiProviderName = "gen_ai.provider.name";
    public const string GenAiRequestModel = "gen_ai.request.model";
    public const string GenAiResponseModel = "gen_ai.response.model";
    public const string GenAiResponseId = "gen_ai.response.id";
    public const string GenAiTokenType = "gen_ai.token.type";
    public const string GenAiUsageInputTokens = "gen_ai.usage.input_tokens";
    public const string GenAiUsageOutputTokens = "gen_ai.usage.output_tokens";

    public const string RequestId = "perplexity.request_id";
    public const string Route = "perplexity.route";
    public const string JobStatus = "perplexity.job.status";
    public const string Polls = "perplexity.polls";
    public const string CostTotal = "perplexity.cost.total";

    /// <summary><c>gen_ai.operation.name</c> value: the async API runs chat completions.</summary>
    public const string OperationChat = "chat";

    /// <summary><c>gen_ai.provider.name</c> value, as listed by the semantic conventions.</summary>
    public const string ProviderPerplexity = "perplexity";

    public const string TokenTypeInput = "input";
    public const string TokenTypeOutput = "output";

    /// <summary><c>error.type</c> when a call or wait ended by an exception nobody classified.</summary>
    public const string OtherError = "_OTHER";
}
