using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>What a chat call returns: every field of a completed job, mapped onto Microsoft.Extensions.AI's types.</summary>
public sealed class ChatResponseMappingTests : IDisposable
{
    private const string Cited = "Heat pumps move heat [1]. Cold climates need better compressors [2][1].";

    private static readonly Cost JobCost = PerplexityModelFactory.Cost(inputTokensCost: 0.001m, outputTokensCost: 0.004m, requestCost: 0.005m);

    private readonly ChatClientHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_OfAGeneratedAnswer_MapsIdsModelDatesAndFinishReason()
    {
        var response = await _harness.GetResponseAsync(options: new ChatOptions { ModelId = "sonar-pro" });

        var job = _harness.Emulator.Jobs.ShouldHaveSingleItem();
        response.ResponseId.ShouldBe(job.Id);
        response.ModelId.ShouldBe("sonar-pro");
        var envelope = response.RawRepresentation.ShouldBeOfType<AsyncApiChatCompletionsResponse>();
        envelope.Id.ShouldBe(job.Id);
        response.CreatedAt.ShouldBe(envelope.Response!.Created);
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ContinuationToken.ShouldBeNull();
        var message = response.Messages.ShouldHaveSingleItem();
        message.Role.ShouldBe(ChatRole.Assistant);
        message.MessageId.ShouldBe(envelope.Response.Id);
        message.CreatedAt.ShouldBe(envelope.Response.Created);
        message.RawRepresentation.ShouldBeSameAs(envelope.Response.Choices[0].Message);
        response.Text.ShouldBe(envelope.Response.Text);
        response.Text.ShouldContain("heat pumps");
    }

    [Fact]
    public async Task GetResponseAsync_WithUsage_MapsTokenCountsAndPerplexityCounts()
    {
        Script(PerplexityModelFactory.CompletionResponse(
            text: "Answer.",
            usage: PerplexityModelFactory.UsageInfo(promptTokens: 12, completionTokens: 340, totalTokens: 400, citationTokens: 30, numSearchQueries: 7, reasoningTokens: 48)));

        var usage = (await _harness.GetResponseAsync()).Usage.ShouldNotBeNull();

        usage.InputTokenCount.ShouldBe(12);
        usage.OutputTokenCount.ShouldBe(340);
        usage.TotalTokenCount.ShouldBe(400);
        usage.ReasoningTokenCount.ShouldBe(48);
        var counts = usage.AdditionalCounts.ShouldNotBeNull();
        counts[PerplexityChatResponseProperties.CitationTokens].ShouldBe(30);
        counts[PerplexityChatResponseProperties.SearchQueries].ShouldBe(7);
    }

    [Fact]
    public async Task GetResponseAsync_WithUsageWithoutExtras_LeavesThemUnset()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "Answer.", usage: PerplexityModelFactory.UsageInfo(promptTokens: 1, completionTokens: 2)));

        var usage = (await _harness.GetResponseAsync()).Usage.ShouldNotBeNull();

        usage.ReasoningTokenCount.ShouldBeNull();
        usage.AdditionalCounts.ShouldBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_WithoutUsage_HasNoUsageAndNoCost()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "Answer."));

        var response = await _harness.GetResponseAsync();

        response.Usage.ShouldBeNull();
        response.AdditionalProperties.ShouldNotBeNull().ContainsKey(PerplexityChatResponseProperties.Cost).ShouldBeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_WithCitations_AnnotatesTheTextWithEachCitationAndItsMarkers()
    {
        Script(PerplexityModelFactory.CompletionResponse(
            text: Cited,
            citations: ["https://a.example/heat", "https://b.example/cold", "https://c.example/uncited-marker"],
            searchResults:
            [
                PerplexityModelFactory.ApiPublicSearchResult("Heat pumps explained", "https://a.example/heat", date: "2025-01-02", lastUpdated: "2025-03-04", snippet: "Heat moves."),
                PerplexityModelFactory.ApiPublicSearchResult("Cold climate pumps", "https://b.example/cold"),
                PerplexityModelFactory.ApiPublicSearchResult("Background reading", "https://d.example/background", snippet: "More."),
            ]));

        var response = await _harness.GetResponseAsync();

        var text = response.Messages.Single().Contents.OfType<TextContent>().ShouldHaveSingleItem();
        text.Text.ShouldBe(Cited);
        var annotations = text.Annotations.ShouldNotBeNull().Cast<CitationAnnotation>().ToList();
        annotations.Select(a => a.Url?.ToString()).ShouldBe(
            ["https://a.example/heat", "https://b.example/cold", "https://c.example/uncited-marker", "https://d.example/background"]);

        var first = annotations[0];
        first.Title.ShouldBe("Heat pumps explained");
        first.Snippet.ShouldBe("Heat moves.");
        first.AdditionalProperties.ShouldNotBeNull()["citation_number"].ShouldBe(1);
        first.AdditionalProperties["date"].ShouldBe("2025-01-02");
        first.AdditionalProperties["last_updated"].ShouldBe("2025-03-04");
        first.RawRepresentation.ShouldBeOfType<ApiPublicSearchResult>().Url.ShouldBe("https://a.example/heat");
        var spans = first.AnnotatedRegions.ShouldNotBeNull().Cast<TextSpanAnnotatedRegion>().ToList();
        spans.Select(s => Cited[s.StartIndex!.Value..s.EndIndex!.Value]).ShouldBe(["[1]", "[1]"]);
        spans[0].StartIndex.ShouldBe(Cited.IndexOf("[1]", StringComparison.Ordinal));

        var second = annotations[1];
        second.Title.ShouldBe("Cold climate pumps");
        second.Snippet.ShouldBeNull();
        second.AnnotatedRegions.ShouldNotBeNull().Cast<TextSpanAnnotatedRegion>()
            .Select(s => Cited[s.StartIndex!.Value..s.EndIndex!.Value]).ShouldBe(["[2]"]);

        var withoutResult = annotations[2];
        withoutResult.Title.ShouldBeNull();
        withoutResult.AnnotatedRegions.ShouldBeNull();
        withoutResult.RawRepresentation.ShouldBe("https://c.example/uncited-marker");
        withoutResult.AdditionalProperties.ShouldNotBeNull()["citation_number"].ShouldBe(3);

        var uncited = annotations[3];
        uncited.Title.ShouldBe("Background reading");
        uncited.AnnotatedRegions.ShouldBeNull();
        uncited.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_WithACitationThatIsNotAUrl_KeepsItAsTheRawRepresentation()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "See [1].", citations: ["not a url"]));

        var response = await _harness.GetResponseAsync();

        var annotation = response.Messages.Single().Contents.OfType<TextContent>().Single().Annotations.ShouldNotBeNull()
            .ShouldHaveSingleItem().ShouldBeOfType<CitationAnnotation>();
        annotation.Url.ShouldBeNull();
        annotation.RawRepresentation.ShouldBe("not a url");
    }

    [Fact]
    public async Task GetResponseAsync_WithoutCitationsOrResults_HasNoAnnotations()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "No sources."));

        var response = await _harness.GetResponseAsync();

        response.Messages.Single().Contents.OfType<TextContent>().Single().Annotations.ShouldBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_OnSonar_PutsCostRelatedQuestionsImagesAndSearchResultsInAdditionalProperties()
    {
        ApiPublicSearchResult[] results = [PerplexityModelFactory.ApiPublicSearchResult("A", "https://a.example/")];
        ImageResult[] images = [PerplexityModelFactory.ImageResult("https://img.example/1.png", originUrl: "https://a.example/", width: 10, height: 20)];
        Script(PerplexityModelFactory.CompletionResponse(
            text: "Answer [1].",
            usage: PerplexityModelFactory.UsageInfo(promptTokens: 1, completionTokens: 2, cost: JobCost),
            citations: ["https://a.example/"],
            searchResults: results,
            images: images,
            relatedQuestions: ["What next?", "Why?"]));

        var properties = (await _harness.GetResponseAsync()).AdditionalProperties.ShouldNotBeNull();

        properties[PerplexityChatResponseProperties.Status].ShouldBe("COMPLETED");
        properties[PerplexityChatResponseProperties.Cost].ShouldBe(JobCost);
        properties[PerplexityChatResponseProperties.RelatedQuestions].ShouldBeAssignableTo<IReadOnlyList<string>>().ShouldBe(["What next?", "Why?"]);
        properties[PerplexityChatResponseProperties.Images].ShouldBeAssignableTo<IReadOnlyList<ImageResult>>().ShouldBe(images);
        properties[PerplexityChatResponseProperties.SearchResults].ShouldBeAssignableTo<IReadOnlyList<ApiPublicSearchResult>>().ShouldBe(results);
    }

    [Fact]
    public async Task GetResponseAsync_OnTheGeneratedSonarAnswer_HasTheEmulatorsExtras()
    {
        var response = await _harness.GetResponseAsync();

        var properties = response.AdditionalProperties.ShouldNotBeNull();
        properties[PerplexityChatResponseProperties.Cost].ShouldBeOfType<Cost>().TotalCost.ShouldBeGreaterThan(0m);
        properties[PerplexityChatResponseProperties.RelatedQuestions].ShouldBeAssignableTo<IReadOnlyList<string>>().ShouldNotBeEmpty();
        properties[PerplexityChatResponseProperties.Images].ShouldBeAssignableTo<IReadOnlyList<ImageResult>>().ShouldNotBeEmpty();
        response.Messages.Single().Contents.OfType<TextContent>().Single().Annotations.ShouldNotBeNull().Count.ShouldBe(4);
    }

    [Fact]
    public async Task GetResponseAsync_WithAThinkBlock_ReturnsItAsReasoningAndTheRestAsTheAnswer()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "<think>\nCompare sources first.\n</think>\n\nThe answer [1].", citations: ["https://a.example/"]));

        var response = await _harness.GetResponseAsync();

        var contents = response.Messages.Single().Contents;
        contents.Count.ShouldBe(2);
        contents[0].ShouldBeOfType<TextReasoningContent>().Text.ShouldBe("Compare sources first.");
        var answer = contents[1].ShouldBeOfType<TextContent>();
        answer.Text.ShouldBe("The answer [1].");
        answer.Annotations.ShouldNotBeNull().Single().AnnotatedRegions.ShouldNotBeNull().Cast<TextSpanAnnotatedRegion>().Single().StartIndex.ShouldBe(11);
        response.Text.ShouldBe("The answer [1].");
    }

    [Fact]
    public async Task GetResponseAsync_WithReasoningOutputNone_LeavesTheReasoningOut()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "<think>hidden</think>Visible."));

        var response = await _harness.GetResponseAsync(options: new ChatOptions { Reasoning = new ReasoningOptions { Output = ReasoningOutput.None } });

        response.Messages.Single().Contents.ShouldHaveSingleItem().ShouldBeOfType<TextContent>().Text.ShouldBe("Visible.");
    }

    [Fact]
    public async Task GetResponseAsync_WithAnUnterminatedThinkBlock_KeepsTheWholeText()
    {
        Script(PerplexityModelFactory.CompletionResponse(text: "<think>never closed"));

        var response = await _harness.GetResponseAsync();

        response.Messages.Single().Contents.ShouldHaveSingleItem().ShouldBeOfType<TextContent>().Text.ShouldBe("<think>never closed");
    }

    [Fact]
    public async Task GetResponseAsync_OnChatCompletionsWithADeepResearchModel_ReturnsEachReasoningStep()
    {
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.ChatCompletions });

        var response = await harness.GetResponseAsync();

        var reasoning = response.Messages.Single().Contents.OfType<TextReasoningContent>().ToList();
        reasoning.Count.ShouldBe(3);
        reasoning.ShouldAllBe(r => r.RawRepresentation is ReasoningStep && r.Text.Length > 0);
        reasoning[0].RawRepresentation.ShouldBeOfType<ReasoningStep>().Type.ShouldBe("web_search");
        response.Usage.ShouldNotBeNull().ReasoningTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("length", "length")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("budget_exhausted", "budget_exhausted")]
    public async Task GetResponseAsync_WithAFinishReason_MapsIt(string wire, string expected)
    {
        Script(PerplexityModelFactory.CompletionResponse(choices:
            [PerplexityModelFactory.Choice(message: PerplexityModelFactory.ChatMessage(content: "x"), finishReason: new FinishReason(wire))]));

        var response = await _harness.GetResponseAsync();

        response.FinishReason.ShouldBe(new ChatFinishReason(expected));
    }

    [Fact]
    public async Task GetResponseAsync_WithoutChoices_ReturnsAnEmptyAssistantMessage()
    {
        Script(PerplexityModelFactory.CompletionResponse());

        var response = await _harness.GetResponseAsync();

        response.Messages.ShouldHaveSingleItem().Contents.ShouldBeEmpty();
        response.FinishReason.ShouldBeNull();
        response.Text.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithToolCalls_ReturnsFunctionCalls()
    {
        var message = PerplexityModelFactory.ChatMessage(toolCalls:
        [
            PerplexityModelFactory.ToolCall("call_1", function: PerplexityModelFactory.ToolCallFunction("get_weather", """{"city":"Paris","days":3}""")),
            PerplexityModelFactory.ToolCall("call_2", function: PerplexityModelFactory.ToolCallFunction("broken", "{not json")),
        ]);
        Script(PerplexityModelFactory.CompletionResponse(choices: [PerplexityModelFactory.Choice(message: message, finishReason: new FinishReason("tool_calls"))]));

        var response = await _harness.GetResponseAsync();

        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToList();
        calls.Count.ShouldBe(2);
        calls[0].CallId.ShouldBe("call_1");
        calls[0].Name.ShouldBe("get_weather");
        calls[0].Arguments.ShouldNotBeNull()["city"]!.ToString().ShouldBe("Paris");
        calls[0].Exception.ShouldBeNull();
        calls[0].RawRepresentation.ShouldBeOfType<ToolCall>();
        calls[1].Exception.ShouldNotBeNull();
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task GetResponseAsyncOfT_WithAThinkBlockBeforeTheJson_ParsesTheAnswer()
    {
        _harness.Emulator.Script.ForPrompt(p => p.Contains("capital", StringComparison.Ordinal))
            .CompleteWith(PerplexityModelFactory.CompletionResponse(text: "<think>France's capital is well known.</think>\n{\"city\":\"Paris\"}"));

        var response = await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync<CityAnswer>("What is the capital of France?"));

        response.Result.City.ShouldBe("Paris");
        ((string)_harness.SingleCreateRequest()["response_format"]!["type"]!).ShouldBe("json_schema");
    }

    public void Dispose() => _harness.Dispose();

    private void Script(CompletionResponse response) =>
        _harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).CompleteWith(response);

    public sealed record CityAnswer(string City);
}
