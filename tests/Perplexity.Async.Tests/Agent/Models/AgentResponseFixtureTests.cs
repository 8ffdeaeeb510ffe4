using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentResponseFixtureTests
{
    private const string RunId = "resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7";

    private static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    [Fact]
    public void Deserialize_QueuedSubmit_ReadsTheBareEnvelope()
    {
        var run = AgentFixture.Response("queued.json");

        run.Id.ShouldBe(RunId);
        run.ObjectType.ShouldBe("response");
        run.Status.ShouldBe(AgentResponseStatus.Queued);
        run.Status.IsTerminal.ShouldBeFalse();
        run.Model.ShouldBe("medium", "the live service reports the preset name until the run completes");
        run.CreatedAt.ShouldBe(Unix(1791572935));
        run.CompletedAt.ShouldBeNull();
        run.Output.ShouldBeEmpty();
        run.OutputText.ShouldBe(string.Empty);
        run.SearchResults.ShouldBeEmpty();
        run.FunctionCalls.ShouldBeEmpty();
        run.Usage.ShouldBeNull();
        run.Error.ShouldBeNull();
        run.IncompleteDetails.ShouldBeNull();
        run.Background.ShouldBe(true);
        run.Store.ShouldBe(true);
        run.FrequencyPenalty.ShouldBe(0);
        run.PresencePenalty.ShouldBe(0);
        run.TopLogprobs.ShouldBe(0);
        run.Temperature.ShouldBe(1);
        run.TopP.ShouldBe(1);
        run.ParallelToolCalls.ShouldBe(true);
        run.ServiceTier.ShouldBe("default");
        run.Truncation.ShouldBe(new AgentTruncation(string.Empty));
        run.Metadata.ShouldNotBeNull().ShouldBeEmpty();
        run.ToolChoice.ShouldBe(AgentToolChoice.Auto);
        run.Tools!.Value.ValueKind.ShouldBe(JsonValueKind.Array);
        run.Text!.Value.GetProperty("format").GetProperty("type").GetString().ShouldBe("text");
        run.Reasoning.ShouldNotBeNull().Effort.ShouldBeNull();
        run.Reasoning.AdditionalProperties.ShouldNotBeNull().ContainsKey("summary").ShouldBeTrue();
        run.Instructions.ShouldBeNull();
        run.MaxOutputTokens.ShouldBeNull();
        run.MaxToolCalls.ShouldBeNull();
        run.PreviousResponseId.ShouldBeNull();
        run.PromptCacheKey.ShouldBeNull();
        run.SafetyIdentifier.ShouldBeNull();
        run.User.ShouldBeNull();
        run.AdditionalProperties.ShouldBeNull("every one of the 32 keys is a property");
    }

    [Fact]
    public void Deserialize_InProgressGet_ReadsPartialOutputWithoutAMessage()
    {
        var run = AgentFixture.Response("in-progress.json");

        run.Status.ShouldBe(AgentResponseStatus.InProgress);
        run.Model.ShouldBe("medium");
        run.Output.Select(i => i.Type).ShouldBe(["search_results", "fetch_url_results"]);
        run.Output[0].ShouldBeOfType<AgentSearchResultsOutputItem>().Results.Count.ShouldBe(3);
        run.Output[1].ShouldBeOfType<AgentFetchUrlResultsOutputItem>().Contents.ShouldHaveSingleItem();
        run.OutputText.ShouldBe(string.Empty);
        run.SearchResults.Select(r => r.Id).ShouldBe([3L, 1L, 7L]);
        run.Usage.ShouldBeNull();
        var tools = PerplexityJson.Deserialize<IReadOnlyList<AgentTool>>(run.Tools!.Value.GetRawText());
        tools[0].ShouldBeOfType<AgentWebSearchTool>();
        tools[1].ShouldBeOfType<AgentFetchUrlTool>().MaxUrls.ShouldBe(2);
    }

    [Fact]
    public void Deserialize_CompletedRun_ReadsAnswerSourcesAndUsage()
    {
        var run = AgentFixture.Response("completed.json");

        run.Status.ShouldBe(AgentResponseStatus.Completed);
        run.Status.IsTerminal.ShouldBeTrue();
        run.Model.ShouldBe("openai/gpt-6-luna");
        run.CompletedAt.ShouldBe(Unix(1791572975));
        run.CompletedAt.ShouldBe(run.CreatedAt);
        run.Instructions.ShouldBe("Answer for a UK homeowner.");
        run.MaxOutputTokens.ShouldBe(4000);
        run.Reasoning!.Effort.ShouldBe(AgentReasoningEffort.Low);
        run.OutputText.ShouldStartWith("A heat pump usually costs less to run");
        run.OutputText.ShouldContain("[web:3][web:11]");
        run.SearchResults.Select(r => r.Url).ShouldBe(
            ["https://www.energysavingtrust.org.uk/heat-pumps", "https://www.example-research.org/boilers-2026", "https://en.wikipedia.org/wiki/Heat_pump", "https://www.gov.uk/boiler-upgrade-scheme"]);
        run.Output[2].ShouldBeOfType<AgentSearchResultsOutputItem>().Queries.ShouldBeNull("the service sent \"queries\": null");

        var message = run.Output[3].ShouldBeOfType<AgentMessageOutputItem>();
        message.Id.ShouldBe("msg_5c0a3c1e-8f1b-4b7e-9a47-1d8d0c2f6b11");
        message.Role.ShouldBe(AgentMessageRole.Assistant);
        message.Status.ShouldBe(AgentResponseStatus.Completed);
        var citation = message.Content.ShouldHaveSingleItem().ShouldBeOfType<AgentOutputTextPart>().Annotations.ShouldNotBeNull().ShouldHaveSingleItem();
        citation.Type.ShouldBe("url_citation");
        citation.Url.ShouldBe("https://www.gov.uk/boiler-upgrade-scheme");
        citation.Title.ShouldBe("Boiler Upgrade Scheme");
        citation.StartIndex.ShouldBe(98);
        citation.EndIndex.ShouldBe(140);

        var usage = run.Usage.ShouldNotBeNull();
        usage.InputTokens.ShouldBe(15234);
        usage.OutputTokens.ShouldBe(1873);
        usage.TotalTokens.ShouldBe(17107);
        usage.InputTokensDetails!.CachedTokens.ShouldBe(2048);
        usage.InputTokensDetails.CacheReadInputTokens.ShouldBe(2048);
        usage.InputTokensDetails.CacheCreationInputTokens.ShouldBe(0);
        usage.OutputTokensDetails!.ReasoningTokens.ShouldBe(1024);
        usage.ToolCallsDetails!.Keys.ShouldBe(["search_web", "fetch_url"], ignoreOrder: true);
        usage.ToolCallsDetails["search_web"].Invocation.ShouldBe(2);
        usage.ToolCallsDetails["search_web"].CostUsd.ShouldBe(0.005m);
        usage.ToolCallsDetails["search_web"].TokenUsage.ShouldBeNull();
        var fetchUsage = usage.ToolCallsDetails["fetch_url"].TokenUsage.ShouldNotBeNull().ShouldHaveSingleItem();
        fetchUsage.Model.ShouldBe("openai/gpt-5-mini");
        fetchUsage.InputTokens.ShouldBe(9120);
        fetchUsage.InputTokensDetails!.CachedTokens.ShouldBe(0);
        fetchUsage.OutputTokens.ShouldBe(412);
        fetchUsage.OutputTokensDetails!.ReasoningTokens.ShouldBe(0);

        var cost = usage.Cost.ShouldNotBeNull();
        cost.Currency.ShouldBe("USD");
        cost.InputCost.ShouldBe(0.01904m);
        cost.OutputCost.ShouldBe(0.01873m);
        cost.ToolCallsCost.ShouldBe(0.0085m);
        cost.CacheReadCost.ShouldBe(0.00001m, "1e-05 on the wire, read exactly as a decimal");
        cost.CacheCreationCost.ShouldBeNull("sparse: a part that cost nothing is left out");
        cost.CostUsd.ShouldBeNull();
        cost.TotalCost.ShouldBe(0.04628m);
        cost.ToolCallsCostDetails.ShouldBe(new Dictionary<string, decimal> { ["search_web"] = 0.005m, ["fetch_url"] = 0.0035m }, ignoreOrder: true);
    }

    [Fact]
    public void Deserialize_CancelledSnapshot_ReadsTheCancellationAndNoUsage()
    {
        var run = AgentFixture.Response("cancelled.json");

        run.Status.ShouldBe(AgentResponseStatus.Cancelled);
        run.Status.IsTerminal.ShouldBeTrue();
        run.Model.ShouldBe("medium");
        run.Usage.ShouldBeNull("cancelled runs report no usage although their tools ran");
        run.CompletedAt.ShouldBeNull();
        run.IncompleteDetails!.Reason.ShouldBe("cancelled");
        var error = run.Error.ShouldNotBeNull();
        error.Code.ShouldBe(new StringOrInteger("cancelled"));
        error.Code!.Value.IsInteger.ShouldBeFalse();
        error.Message.ShouldBe("cancelled");
        error.Type.ShouldBe("cancelled");
        run.Output.ShouldHaveSingleItem().ShouldBeOfType<AgentSearchResultsOutputItem>();
    }

    [Fact]
    public void Deserialize_IncompleteRun_KeepsPartialAnswerAndUsage()
    {
        var run = AgentFixture.Response("incomplete.json");

        run.Status.ShouldBe(AgentResponseStatus.Incomplete);
        run.Status.IsTerminal.ShouldBeTrue();
        run.IncompleteDetails!.Reason.ShouldBe("max_output_tokens");
        run.CompletedAt.ShouldBeNull();
        run.Background.ShouldBe(false);
        run.ServiceTier.ShouldBe("fast");
        run.OutputText.ShouldBe("A heat pump usually costs less to run than a gas");
        run.Output[1].ShouldBeOfType<AgentMessageOutputItem>().Status.ShouldBe(AgentResponseStatus.Incomplete);
        run.Usage!.OutputTokens.ShouldBe(16);
        run.Usage.Cost!.OutputCost.ShouldBe(0.000016m);
        run.Usage.Cost.CacheReadCost.ShouldBeNull();
        run.Usage.ToolCallsDetails.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_FailedRun_ReadsTheError()
    {
        var run = AgentFixture.Response("failed.json");

        run.Status.ShouldBe(AgentResponseStatus.Failed);
        run.Status.IsTerminal.ShouldBeTrue();
        run.Error!.Type.ShouldBe("upstream_structured_output_failed");
        run.Error.Code!.Value.StringValue.ShouldBe("upstream_structured_output_failed");
        run.Error.Message.ShouldBe("the model did not produce valid JSON for the schema");
        run.Error.Param.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_HttpErrorBody_ReadsAnIntegerCode()
    {
        var body = PerplexityJson.Deserialize<AgentErrorEnvelope>(AgentFixture.Read("http-error-400.json"));

        body.Error.Code.ShouldBe(new StringOrInteger(400));
        body.Error.Code!.Value.IntegerValue.ShouldBe(400);
        body.Error.Type.ShouldBe("invalid_request");
        body.Error.Param.ShouldBe("search_mode");
        body.Error.Message.ShouldBe("invalid request body: json: unknown field \"search_mode\"");
        PerplexityJson.Serialize(body).ShouldBeEquivalentJson(AgentFixture.Read("http-error-400.json"));
    }

    [Fact]
    public void Deserialize_CancelAcknowledgement_ReadsTheRunIdAndCancelling()
    {
        var ack = PerplexityJson.Deserialize<AgentCancelAcknowledgement>(AgentFixture.Read("cancel-acknowledgement.json"));

        ack.ResponseId.ShouldBe(RunId);
        ack.Status.ShouldBe("cancelling");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("object")]
    [InlineData("created_at")]
    [InlineData("status")]
    [InlineData("model")]
    [InlineData("output")]
    public void Deserialize_DocumentedRequiredMemberMissing_ThrowsJsonException(string member)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(AgentFixture.Read("queued.json"))!.AsObject();
        node.Remove(member);

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>(node.ToJsonString()));

        ex.Message.ShouldContain(member);
    }

    [Fact]
    public void Deserialize_DocumentedMembersOnly_LeavesTheUndocumentedOnesNull()
    {
        const string json = """{"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"m","output":null}""";

        var run = PerplexityJson.Deserialize<AgentResponse>(json);

        run.Output.ShouldBeEmpty("a JSON null list reads as empty");
        run.Background.ShouldBeNull();
        run.Tools.ShouldBeNull();
        run.Metadata.ShouldBeNull();
        run.ToolChoice.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_NullOutputItem_ThrowsJsonExceptionNamingTheElement()
    {
        const string json = """{"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"m","output":[null]}""";

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>(json));

        ex.Message.ShouldContain("Element 0 of 'output'");
    }

    [Fact]
    public void Deserialize_NullToolCallDetails_ThrowsJsonExceptionNamingTheKey()
    {
        const string json = """{"id":"r","object":"response","created_at":1,"status":"completed","model":"m","output":[],"usage":{"input_tokens":1,"output_tokens":1,"total_tokens":2,"tool_calls_details":{"fetch_url":null}}}""";

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>(json));

        ex.Message.ShouldContain("tool_calls_details.fetch_url");
    }
}
