using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests;

public sealed class PerplexityModelFactoryTests
{
    [Fact]
    public void DefaultTimestamp_IsPinned() =>
        PerplexityModelFactory.DefaultTimestamp.ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AsyncApiChatCompletionsResponse_WithDefaults_IsACreatedJob()
    {
        var job = PerplexityModelFactory.AsyncApiChatCompletionsResponse();

        job.Id.ShouldBe("req_test");
        job.Model.ShouldBe("sonar-deep-research");
        job.CreatedAt.ShouldBe(PerplexityModelFactory.DefaultTimestamp);
        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.Response.ShouldBeNull();
        job.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void AsyncApiChatCompletionsResponse_InfersTheStatusFromWhatIsGiven()
    {
        var at = PerplexityModelFactory.DefaultTimestamp.AddMinutes(1);

        PerplexityModelFactory.AsyncApiChatCompletionsResponse(startedAt: at).Status.ShouldBe(AsyncProcessingStatus.InProgress);
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(response: PerplexityModelFactory.CompletionResponse()).Status.ShouldBe(AsyncProcessingStatus.Completed);
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(errorMessage: "x").Status.ShouldBe(AsyncProcessingStatus.Failed);
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(failedAt: at).Status.ShouldBe(AsyncProcessingStatus.Failed);
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(status: "QUEUED", startedAt: at).Status.Value.ShouldBe("QUEUED");
    }

    [Fact]
    public void CompletionResponse_WithText_HasOneStoppedAssistantChoice()
    {
        var response = PerplexityModelFactory.CompletionResponse(text: "Paris [1].");

        response.Text.ShouldBe("Paris [1].");
        var choice = response.Choices.ShouldHaveSingleItem();
        choice.Index.ShouldBe(0);
        choice.FinishReason.ShouldBe(FinishReason.Stop);
        choice.Message.Role.ShouldBe(ChatMessageRole.Assistant);
        response.ObjectType.ShouldBe("chat.completion");
        response.Created.ShouldBe(PerplexityModelFactory.DefaultTimestamp);
    }

    [Fact]
    public void CompletionResponse_WithDefaults_HasNoChoices()
    {
        var response = PerplexityModelFactory.CompletionResponse();

        response.Choices.ShouldBeEmpty();
        response.Text.ShouldBeNull();
    }

    [Fact]
    public void CompletionResponse_WithChoicesAndText_Throws() =>
        Should.Throw<ArgumentException>(() => PerplexityModelFactory.CompletionResponse(choices: [PerplexityModelFactory.Choice()], text: "x"))
            .ParamName.ShouldBe("text");

    [Fact]
    public void UsageInfoAndCost_DefaultTheirTotalsToTheSum()
    {
        var usage = PerplexityModelFactory.UsageInfo(promptTokens: 10, completionTokens: 5,
            cost: PerplexityModelFactory.Cost(inputTokensCost: 0.1m, outputTokensCost: 0.2m, reasoningTokensCost: 0.3m, requestCost: 0.005m, citationTokensCost: 0.01m, searchQueriesCost: 0.02m));

        usage.TotalTokens.ShouldBe(15);
        usage.Cost!.TotalCost.ShouldBe(0.635m);
        PerplexityModelFactory.UsageInfo(totalTokens: 99).TotalTokens.ShouldBe(99);
        PerplexityModelFactory.Cost(totalCost: 1m).TotalCost.ShouldBe(1m);
    }

    [Fact]
    public void ReasoningStep_InfersItsTypeFromTheDetails()
    {
        PerplexityModelFactory.ReasoningStep(webSearch: PerplexityModelFactory.WebSearchStepDetails()).Type.ShouldBe("web_search");
        PerplexityModelFactory.ReasoningStep(fetchUrlContent: PerplexityModelFactory.FetchUrlContentStepDetails()).Type.ShouldBe("fetch_url_content");
        PerplexityModelFactory.ReasoningStep(executePython: PerplexityModelFactory.ExecutePythonStepDetails("print(1)", "1")).Type.ShouldBe("execute_python");
        PerplexityModelFactory.ReasoningStep("just thinking").Type.ShouldBeNull();
        PerplexityModelFactory.ReasoningStep(type: "custom", webSearch: PerplexityModelFactory.WebSearchStepDetails()).Type.ShouldBe("custom");
    }

    [Fact]
    public void ApiPublicSearchResult_WithDefaults_IsAWebResultWithAnEmptySnippet()
    {
        var result = PerplexityModelFactory.ApiPublicSearchResult();

        result.Source.ShouldBe(SearchResultSource.Web);
        result.Snippet.ShouldBe(string.Empty);
        result.Url.ShouldBe("https://example.com/");
    }

    [Fact]
    public void ValidationError_JoinsItsLocation()
    {
        var error = PerplexityModelFactory.HttpValidationError([PerplexityModelFactory.ValidationError(["body", "request", "messages", 0])]);

        error.Detail.ShouldHaveSingleItem().Path.ShouldBe("body.request.messages.0");
        error.Detail![0].Type.ShouldBe("missing");
    }

    [Fact]
    public void FullyBuiltModel_RoundTripsThroughTheWireFormat()
    {
        using var extra = JsonDocument.Parse("{\"future\": [1, 2]}");
        var source = PerplexityModelFactory.ApiPublicSearchResult("Webb", "https://science.nasa.gov/webb", "2024-03-12", "2025-01-08", "At L2.");
        var job = PerplexityModelFactory.AsyncApiChatCompletionsResponse(
            id: "req_1",
            startedAt: PerplexityModelFactory.DefaultTimestamp.AddSeconds(1),
            completedAt: PerplexityModelFactory.DefaultTimestamp.AddSeconds(9),
            additionalProperties: new Dictionary<string, JsonElement> { ["future"] = extra.RootElement.GetProperty("future").Clone() },
            response: PerplexityModelFactory.CompletionResponse(
                choices:
                [
                    PerplexityModelFactory.Choice(
                        message: PerplexityModelFactory.ChatMessage(
                            content: "At L2 [1].",
                            reasoningSteps: [PerplexityModelFactory.ReasoningStep("search", webSearch: PerplexityModelFactory.WebSearchStepDetails([source], ["webb orbit"]))],
                            toolCalls: [PerplexityModelFactory.ToolCall("call_1", function: PerplexityModelFactory.ToolCallFunction("lookup", "{}"))]),
                        delta: PerplexityModelFactory.ChatMessage(content: ""),
                        finishReason: FinishReason.Stop),
                ],
                usage: PerplexityModelFactory.UsageInfo(14, 212, searchContextSize: "high", cost: PerplexityModelFactory.Cost(0.000042m, 0.00318m, requestCost: 0.014m)),
                citations: [source.Url],
                searchResults: [source],
                type: CompletionResponseType.Message,
                status: CompletionResponseStatus.Completed,
                images: [PerplexityModelFactory.ImageResult("https://img.example/a.jpg", source.Url, "Webb", 1920, 1080)],
                relatedQuestions: ["Why L2?"]));

        var json = PerplexityJson.Serialize(job);
        var again = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json);

        PerplexityJson.Serialize(again).ShouldBeEquivalentJson(json);
        again.Status.ShouldBe(AsyncProcessingStatus.Completed);
        again.AdditionalProperties!["future"].GetArrayLength().ShouldBe(2);
        again.Response!.Choices[0].Message.ReasoningSteps![0].Type.ShouldBe("web_search");
        again.Response.Usage!.Cost!.TotalCost.ShouldBe(0.017222m);
    }
}
