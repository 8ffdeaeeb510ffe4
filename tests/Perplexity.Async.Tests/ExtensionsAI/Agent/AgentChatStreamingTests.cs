using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>GetStreamingResponseAsync on the Agent route: statuses, reasoning, sources, text, usage and cost; resuming from a token.</summary>
public sealed class AgentChatStreamingTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();

    [Fact]
    public async Task GetStreamingResponseAsync_ReportsStatusesSearchesSourcesTextAndLastTheUsageAndCost()
    {
        var updates = await _harness.StreamAsync();

        var run = _harness.Emulator.AgentRuns.Single();
        updates.ShouldAllBe(u => u.ResponseId == run.Id && u.Role == ChatRole.Assistant);
        var statuses = updates.Where(u => u.Contents.Count == 0).Select(u => u.AdditionalProperties![PerplexityChatResponseProperties.Status]).ToList();
        statuses.ShouldBe(["queued", "in_progress"]);
        updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().ShouldNotBeEmpty();
        updates.SelectMany(u => u.Contents).OfType<TextContent>().SelectMany(t => t.Annotations ?? []).OfType<CitationAnnotation>().ShouldNotBeEmpty();

        var last = updates[^1];
        last.FinishReason.ShouldBe(ChatFinishReason.Stop);
        last.ModelId.ShouldBe(run.ResolvedModel);
        last.Contents.OfType<UsageContent>().ShouldHaveSingleItem().Details.ReasoningTokenCount.ShouldNotBeNull();
        last.AdditionalProperties![PerplexityChatResponseProperties.Cost].ShouldBeOfType<AgentCost>().TotalCost.ShouldBeGreaterThan(0m);
        last.ContinuationToken.ShouldBeNull();
        last.RawRepresentation.ShouldBeOfType<AgentResponseCompletedEvent>();
        updates.Count(u => u.RawRepresentation is AgentOutputTextDeltaEvent).ShouldBeGreaterThan(1);
        _harness.Calls().ShouldBe(["POST /v1/agent"]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WhenTheConnectionDrops_ResumesWithNoTextLostOrRepeated()
    {
        const string answer = "Heat pumps move heat rather than make it, so they keep working well below freezing.";
        _harness.Emulator.Script.ForAnyAgentRun().CompleteWith(answer);
        // A direct model runs no searches: after created, in_progress, reasoning and the message item come the deltas.
        _harness.Emulator.Faults.Next(1, System.Net.Http.HttpMethod.Post).DropStreamAfter(8);

        var updates = await _harness.StreamAsync(options: new ChatOptions { ModelId = "openai/gpt-5.2" });
        var deltasBeforeTheDrop = updates.TakeWhile(u => u.RawRepresentation is not AgentStreamEvent { SequenceNumber: >= 8 })
            .Count(u => u.RawRepresentation is AgentOutputTextDeltaEvent);
        deltasBeforeTheDrop.ShouldBeGreaterThan(0);

        string.Concat(updates.Select(u => u.Text)).ShouldBe(answer);
        _harness.Calls().ShouldContain(c => c.StartsWith("GET /v1/responses/", StringComparison.Ordinal));
        updates[^1].Contents.OfType<UsageContent>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToChatResponse_GivesTheSameAnswerAsGetResponseAsync()
    {
        var updates = await _harness.StreamAsync();
        var streamed = updates.ToChatResponse();

        var polled = await _harness.GetResponseAsync();

        streamed.Text.ShouldBe(polled.Text);
        streamed.Usage!.TotalTokenCount.ShouldBe(polled.Usage!.TotalTokenCount);
        streamed.FinishReason.ShouldBe(ChatFinishReason.Stop);
        streamed.Messages.SelectMany(m => m.Contents).OfType<TextContent>().SelectMany(t => t.Annotations ?? []).OfType<CitationAnnotation>().Count()
            .ShouldBe(polled.RawRepresentation.ShouldBeOfType<AgentResponse>().SearchResults.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithoutBackgroundResponses_CarriesNoTokens()
    {
        var updates = await _harness.StreamAsync();

        updates.ShouldAllBe(u => u.ContinuationToken == null);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithBackgroundResponses_CarriesATokenOnEveryUpdateButTheLast()
    {
        var updates = await _harness.StreamAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        updates.Take(updates.Count - 1).ShouldAllBe(u => u.ContinuationToken != null);
        updates[^1].ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ResumedFromASerializedToken_ContinuesWithoutRepeatingText()
    {
        var all = await _harness.StreamAsync(options: new ChatOptions { AllowBackgroundResponses = true });
        var firstText = all.FindIndex(u => u.Text.Length > 0);
        firstText.ShouldBeGreaterThanOrEqualTo(0);

        // Resume after the first update with text, as a client whose connection dropped there would.
        var token = ResponseContinuationToken.FromBytes(all[firstText].ContinuationToken!.ToBytes().ToArray());
        var resumed = await _harness.DriveAsync(AgentChatHarness.CollectAsync(
            _harness.ChatClient.GetStreamingResponseAsync([], new ChatOptions { ContinuationToken = token, AllowBackgroundResponses = true })));

        var text = string.Concat(all.Take(firstText + 1).Select(u => u.Text)) + string.Concat(resumed.Select(u => u.Text));
        text.ShouldBe(all.ToChatResponse().Text);
        resumed[^1].Contents.OfType<UsageContent>().ShouldHaveSingleItem();
        resumed[^1].ContinuationToken.ShouldBeNull();
        _harness.Emulator.Requests.Count(r => r.Method == System.Net.Http.HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithTheTokenOfAFinishedRun_YieldsItsEnd()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });
        _harness.Clock.Advance(_harness.Emulator.AgentRuns.Single().FinishesAt!.Value - _harness.Clock.GetUtcNow());

        var updates = await _harness.DriveAsync(AgentChatHarness.CollectAsync(
            _harness.ChatClient.GetStreamingResponseAsync([], new ChatOptions { ContinuationToken = started.ContinuationToken })));

        updates[^1].FinishReason.ShouldBe(ChatFinishReason.Stop);
        updates.ToChatResponse().Text.ShouldContain("heat pumps");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithATokenAndMessages_ThrowsInvalidOperation()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        Should.Throw<InvalidOperationException>(
            () => _harness.ChatClient.GetStreamingResponseAsync(AgentChatHarness.Ask(), new ChatOptions { ContinuationToken = started.ContinuationToken }));
    }

    public void Dispose() => _harness.Dispose();
}
