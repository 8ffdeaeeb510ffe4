using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests;

public sealed class PerplexityModelFactoryAgentTests
{
    [Fact]
    public void AgentResponse_WithDefaults_IsAQueuedBackgroundRunReportingThePreset()
    {
        var run = PerplexityModelFactory.AgentResponse();

        run.Id.ShouldBe("resp_test");
        run.ObjectType.ShouldBe("response");
        run.Status.ShouldBe(AgentResponseStatus.Queued);
        run.Model.ShouldBe("medium");
        run.CreatedAt.ShouldBe(PerplexityModelFactory.DefaultTimestamp);
        run.CompletedAt.ShouldBeNull();
        run.Background.ShouldBe(true);
        run.Output.ShouldBeEmpty();
        run.Usage.ShouldBeNull();
        run.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void AgentResponse_InfersTheStatusFromWhatIsGiven()
    {
        var search = PerplexityModelFactory.AgentSearchResultsOutputItem([PerplexityModelFactory.AgentSearchResult()]);

        PerplexityModelFactory.AgentResponse(output: [search]).Status.ShouldBe(AgentResponseStatus.InProgress);
        PerplexityModelFactory.AgentResponse(outputText: "Done").Status.ShouldBe(AgentResponseStatus.Completed);
        PerplexityModelFactory.AgentResponse(usage: PerplexityModelFactory.AgentUsage()).Status.ShouldBe(AgentResponseStatus.Completed);
        PerplexityModelFactory.AgentResponse(error: PerplexityModelFactory.AgentError()).Status.ShouldBe(AgentResponseStatus.Failed);
        PerplexityModelFactory.AgentResponse(error: PerplexityModelFactory.AgentCancelledError()).Status.ShouldBe(AgentResponseStatus.Cancelled);
        PerplexityModelFactory.AgentResponse(incompleteDetails: PerplexityModelFactory.AgentIncompleteDetails("cancelled")).Status.ShouldBe(AgentResponseStatus.Cancelled);
        PerplexityModelFactory.AgentResponse(outputText: "Par", incompleteDetails: PerplexityModelFactory.AgentIncompleteDetails()).Status.ShouldBe(AgentResponseStatus.Incomplete);
        PerplexityModelFactory.AgentResponse(status: "requires_action", outputText: "x").Status.ShouldBe(AgentResponseStatus.RequiresAction);
    }

    [Fact]
    public void AgentResponse_Completed_ReportsTheModelAndCompletionTime()
    {
        var at = PerplexityModelFactory.DefaultTimestamp.AddMinutes(3);

        var run = PerplexityModelFactory.AgentResponse(outputText: "Paris.", createdAt: at);

        run.Model.ShouldBe(PerplexityModelFactory.DefaultAgentModel);
        run.CompletedAt.ShouldBe(at);
        run.OutputText.ShouldBe("Paris.");
        PerplexityModelFactory.AgentResponse(outputText: "P", incompleteDetails: PerplexityModelFactory.AgentIncompleteDetails()).Model.ShouldBe("openai/gpt-5.2");
        PerplexityModelFactory.AgentResponse(model: "fast").Model.ShouldBe("fast");
    }

    [Fact]
    public void AgentResponse_BothOutputAndText_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => PerplexityModelFactory.AgentResponse(output: [], outputText: "x")).ParamName.ShouldBe("outputText");
    }

    [Fact]
    public void AgentResponse_Realistic_SerializesAndReadsBackLikeTheService()
    {
        var run = PerplexityModelFactory.AgentResponse(
            id: "resp_1",
            output:
            [
                PerplexityModelFactory.AgentSearchResultsOutputItem(
                    [PerplexityModelFactory.AgentSearchResult(id: 1, url: "https://en.wikipedia.org/wiki/Paris", title: "Paris", snippet: "Capital of France")],
                    queries: ["capital of France"]),
                PerplexityModelFactory.AgentFetchUrlResultsOutputItem([PerplexityModelFactory.AgentUrlContent(snippet: "text")]),
                PerplexityModelFactory.AgentFunctionCallOutputItem(),
                PerplexityModelFactory.AgentMessageOutputItem("Paris [web:1].", annotations: [new AgentAnnotation { Type = "url_citation", Url = "https://en.wikipedia.org/wiki/Paris" }]),
            ],
            usage: PerplexityModelFactory.AgentUsage(
                inputTokens: 100,
                outputTokens: 20,
                cachedTokens: 10,
                reasoningTokens: 5,
                toolCallsDetails: new Dictionary<string, AgentToolCallDetails> { ["search_web"] = PerplexityModelFactory.AgentToolCallDetails(costUsd: 0.0025m) },
                cost: PerplexityModelFactory.AgentCost(inputCost: 0.0001m, outputCost: 0.00002m, toolCallsCost: 0.0025m, toolCallsCostDetails: new Dictionary<string, decimal> { ["search_web"] = 0.0025m })),
            additionalProperties: new Dictionary<string, JsonElement> { ["future"] = JsonDocument.Parse("1").RootElement });

        var again = PerplexityJson.Deserialize<AgentResponse>(PerplexityJson.Serialize(run));

        again.Status.ShouldBe(AgentResponseStatus.Completed);
        again.OutputText.ShouldBe("Paris [web:1].");
        again.SearchResults.ShouldHaveSingleItem().Title.ShouldBe("Paris");
        again.FunctionCalls.ShouldHaveSingleItem().Name.ShouldBe("get_weather");
        again.Usage!.TotalTokens.ShouldBe(120);
        again.Usage.InputTokensDetails!.CachedTokens.ShouldBe(10);
        again.Usage.OutputTokensDetails!.ReasoningTokens.ShouldBe(5);
        again.Usage.Cost!.TotalCost.ShouldBe(0.00262m);
        again.Usage.Cost.Currency.ShouldBe("USD");
        again.Usage.ToolCallsDetails!["search_web"].Invocation.ShouldBe(1);
        again.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        PerplexityJson.Serialize(again).ShouldBe(PerplexityJson.Serialize(run));
    }

    [Fact]
    public void Defaults_OfTheSmallerModels_AreHarmless()
    {
        PerplexityModelFactory.AgentMessageOutputItem().Text.ShouldBe(string.Empty);
        PerplexityModelFactory.AgentMessageOutputItem().Status.ShouldBe(AgentResponseStatus.Completed);
        PerplexityModelFactory.AgentSearchResult().Source.ShouldBe(SearchResultSource.Web);
        PerplexityModelFactory.AgentCost().TotalCost.ShouldBe(0m);
        PerplexityModelFactory.AgentUsage().InputTokensDetails.ShouldBeNull();
        PerplexityModelFactory.AgentError().Type.ShouldBe("internal_error");
        PerplexityModelFactory.AgentCancelledError().Code.ShouldBe(new StringOrInteger("cancelled"));
        PerplexityModelFactory.AgentError(code: 429, type: "request_rate_limit_exceeded").Code!.Value.IntegerValue.ShouldBe(429);
        PerplexityModelFactory.AgentIncompleteDetails().Reason.ShouldBe("max_output_tokens");
    }

    [Fact]
    public void StreamEvents_BuildAConsumableSequence()
    {
        AgentStreamEvent[] stream =
        [
            PerplexityModelFactory.AgentResponseCreatedEvent(sequenceNumber: 0),
            PerplexityModelFactory.AgentOutputTextDeltaEvent("Par", sequenceNumber: 1),
            PerplexityModelFactory.AgentOutputTextDeltaEvent("is", sequenceNumber: 2),
            PerplexityModelFactory.AgentResponseCompletedEvent(sequenceNumber: 3),
        ];

        string.Concat(stream.OfType<AgentOutputTextDeltaEvent>().Select(e => e.Delta)).ShouldBe("Paris");
        stream.Single(e => e.IsTerminal).ShouldBeOfType<AgentResponseCompletedEvent>().Response!.OutputText.ShouldBe("Done.");
        ((AgentResponseCreatedEvent)stream[0]).Response!.Status.ShouldBe(AgentResponseStatus.Queued);
        PerplexityModelFactory.AgentResponseFailedEvent().IsTerminal.ShouldBeTrue();
        PerplexityModelFactory.AgentResponseFailedEvent().Error!.Message.ShouldBe("internal error");
        PerplexityModelFactory.AgentErrorEvent().ErrorMessage.ShouldBe("internal error");
        foreach (var e in stream)
        {
            PerplexityJson.Serialize(PerplexityJson.Deserialize<AgentStreamEvent>(PerplexityJson.Serialize(e))).ShouldBe(PerplexityJson.Serialize(e));
        }
    }
}
