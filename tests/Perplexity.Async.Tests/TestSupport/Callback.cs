namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Reports synchronously to an action (unlike <see cref="Progress{T}"/>, which posts later).</summary>
internal sealed class Callback(Action<AsyncApiChatCompletionsResponse> report) : IProgress<AsyncApiChatCompletionsResponse>
{
    public void Report(AsyncApiChatCompletionsResponse value) => report(value);
}
