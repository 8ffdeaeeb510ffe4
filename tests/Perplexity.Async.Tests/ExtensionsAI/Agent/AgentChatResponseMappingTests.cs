using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>An Agent run to a ChatResponse: text, citations, usage, cost, raw representation; and GetService.</summary>
public sealed class AgentChatResponseMappingTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_MapsTheAnswerIdsModelAndRawResponse()
    {
        var response = await _harness.GetResponseAsync();

        var run = _harness.Emulator.AgentRuns.Single();
        var raw = response.RawRepresentation.ShouldBeOfType<AgentResponse>();
        response.ResponseId.ShouldBe(run.Id);
        response.ModelId.ShouldBe(run.ResolvedModel);
        response.Text.ShouldBe(raw.OutputText);
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        var message = response.Messages.ShouldHaveSingleItem();
        message.Role.ShouldBe(ChatRole.Assistant);
        message.MessageId.ShouldStartWith("msg_");
        response.ConversationId.ShouldBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_MapsUsageWithReasoningAndCachedTokens()
    {
        var response = await _harness.GetResponseAsync();

        var usage = response.RawRepresentation.ShouldBeOfType<AgentResponse>().Usage.ShouldNotBeNull();
        var details = response.Usage.ShouldNotBeNull();
        details.InputTokenCount.ShouldBe(usage.InputTokens);
        details.OutputTokenCount.ShouldBe(usage.OutputTokens);
        details.TotalTokenCount.ShouldBe(usage.TotalTokens);
        details.ReasoningTokenCount.ShouldBe(usage.OutputTokensDetails!.ReasoningTokens);
        details.ReasoningTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        details.CachedInputTokenCount.ShouldBe(usage.InputTokensDetails!.CachedTokens);
        details.CachedInputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetResponseAsync_PutsTheCostStatusAndSearchResultsInAdditionalProperties()
    {
        var response = await _harness.GetResponseAsync();

        var raw = response.RawRepresentation.ShouldBeOfType<AgentResponse>();
        var cost = response.AdditionalProperties![PerplexityChatResponseProperties.Cost].ShouldBeOfType<AgentCost>();
        cost.TotalCost.ShouldBe(raw.Usage!.Cost!.TotalCost);
        cost.TotalCost.ShouldBeGreaterThan(0m);
        response.AdditionalProperties[PerplexityChatResponseProperties.Status].ShouldBe("completed");
        response.AdditionalProperties[PerplexityChatResponseProperties.SearchResults]
            .ShouldBeAssignableTo<IReadOnlyList<AgentSearchResult>>()!.Count.ShouldBe(raw.SearchResults.Count);
    }

    [Fact]
    public async Task GetResponseAsync_AnnotatesTheAnswerWithACitationPerSearchResult()
    {
        var response = await _harness.GetResponseAsync();

        var raw = response.RawRepresentation.ShouldBeOfType<AgentResponse>();
        raw.SearchResults.ShouldNotBeEmpty();
        var citations = response.Messages.Single().Contents.OfType<TextContent>().Single().Annotations!.OfType<CitationAnnotation>().ToList();
        citations.Select(c => c.Url!.OriginalString).ShouldBe(raw.SearchResults.Select(r => r.Url));
        citations[0].Title.ShouldBe(raw.SearchResults[0].Title);
        citations[0].Snippet.ShouldBe(raw.SearchResults[0].Snippet);
        citations[0].ToolName.ShouldBe("web_search");
        citations[0].AdditionalProperties!["result_id"].ShouldBe(raw.SearchResults[0].Id);
        citations[0].RawRepresentation.ShouldBeSameAs(raw.SearchResults[0]);
    }

    [Fact]
    public void GetService_ReturnsTheAgentClientThePerplexityClientAndTheChatClient()
    {
        _harness.ChatClient.GetService<AgentClient>().ShouldBeSameAs(_harness.Client.Agent);
        _harness.ChatClient.GetService<PerplexityAsyncClient>().ShouldBeSameAs(_harness.Client);
        _harness.ChatClient.GetService<IChatClient>().ShouldBeSameAs(_harness.ChatClient);
        _harness.ChatClient.GetService<AsyncCompletionsClient>().ShouldBeNull();
        _harness.ChatClient.GetService<AgentClient>("key").ShouldBeNull();
    }

    [Fact]
    public void GetService_ChatClientMetadata_NamesPerplexityTheAddressAndTheDefaultPreset()
    {
        var metadata = _harness.ChatClient.GetService<ChatClientMetadata>().ShouldNotBeNull();

        metadata.ProviderName.ShouldBe("perplexity");
        metadata.ProviderUri.ShouldBe(_harness.Emulator.BaseAddress);
        metadata.DefaultModelId.ShouldBe("medium");
    }

    [Fact]
    public async Task GetService_ThroughAPipeline_ReachesTheAgentClient()
    {
        using var chat = new ChatClientBuilder(_harness.ChatClient).UseFunctionInvocation().Build();

        chat.GetService<AgentClient>().ShouldBeSameAs(_harness.Client.Agent);
        var response = await _harness.DriveAsync(chat.GetResponseAsync("Why?"));
        response.RawRepresentation.ShouldBeOfType<AgentResponse>().Id.ShouldBe(response.ResponseId);
    }

    [Fact]
    public async Task LegacyRoute_WhenSelected_StillCreatesOnSonarAndAnswers()
    {
        using var harness = new AgentChatHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar });

        var response = await harness.GetResponseAsync();

        harness.Calls()[0].ShouldBe("POST /v1/async/sonar");
        harness.Emulator.AgentRuns.ShouldBeEmpty();
        response.Text.ShouldContain("heat pumps");
        response.RawRepresentation.ShouldBeOfType<AsyncApiChatCompletionsResponse>();
        harness.ChatClient.GetService<AsyncCompletionsClient>().ShouldBeSameAs(harness.Client.Sonar);
        harness.ChatClient.GetService<AgentClient>().ShouldBeNull();
        harness.ChatClient.GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("sonar-deep-research");
    }

    public void Dispose() => _harness.Dispose();
}
