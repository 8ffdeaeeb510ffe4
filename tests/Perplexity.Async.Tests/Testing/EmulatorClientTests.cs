using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

/// <summary>The SDK against the emulator on both routes.</summary>
public sealed class EmulatorClientTests : IDisposable
{
    private const string Question = "How do heat pumps work in cold climates?";

    private readonly EmulatorHarness _harness = new();
    private readonly PerplexityAsyncClient _client;

    public EmulatorClientTests() => _client = _harness.Emulator.CreateClient();

    [Fact]
    public async Task SonarGet_OfACompletedJob_HasAnAnswerCitationsImagesRelatedQuestionsAndCost()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, Question, model: "sonar-pro"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var job = await _client.Sonar.GetAsync(id);

        job.Status.ShouldBe(AsyncProcessingStatus.Completed);
        job.CompletedAt.ShouldBe(EmulatorHarness.Start.AddSeconds(4));
        var response = job.Response.ShouldNotBeNull();
        response.Model.ShouldBe("sonar-pro");
        response.Text.ShouldNotBeNull().ShouldContain("heat pumps");
        response.Text.ShouldContain("[1]");
        response.Choices.ShouldHaveSingleItem().FinishReason.ShouldBe(FinishReason.Stop);
        response.Choices[0].Message.ReasoningSteps.ShouldBeNull();
        response.Citations.ShouldNotBeNull().Count.ShouldBe(4);
        response.SearchResults.ShouldNotBeNull().Select(r => r.Url).ShouldBe(response.Citations);
        response.Images.ShouldNotBeNull().Count.ShouldBe(2);
        response.Images.ShouldAllBe(i => i.ImageUrl.StartsWith("https://", StringComparison.Ordinal) && i.Width > 0 && i.Height > 0);
        response.RelatedQuestions.ShouldNotBeNull().Count.ShouldBe(3);
        response.Type.ShouldBeNull();
        response.Status.ShouldBeNull();
        var cost = response.Usage.ShouldNotBeNull().Cost.ShouldNotBeNull();
        cost.TotalCost.ShouldBeGreaterThan(0m);
        cost.RequestCost.ShouldBe(0.006m);
    }

    [Fact]
    public async Task ChatCompletionsGet_OfADeepResearchJob_HasReasoningStepsOfEachKind()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Legacy, Question))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var job = await _client.ChatCompletions.GetAsync(id);

        var response = job.Response.ShouldNotBeNull();
        response.Type.ShouldBe(CompletionResponseType.Message);
        response.Status.ShouldBe(CompletionResponseStatus.Completed);
        response.Images.ShouldBeNull();
        response.RelatedQuestions.ShouldBeNull();
        var steps = response.Choices[0].Message.ReasoningSteps.ShouldNotBeNull();
        steps.Select(s => s.Type).ShouldBe(["web_search", "fetch_url_content", "execute_python"]);
        steps[0].WebSearch.ShouldNotBeNull().SearchKeywords.ShouldNotBeEmpty();
        steps[0].WebSearch!.SearchResults.ShouldNotBeEmpty();
        steps[1].FetchUrlContent.ShouldNotBeNull().Contents.ShouldNotBeEmpty();
        steps[2].ExecutePython.ShouldNotBeNull().Code.ShouldContain("print");
        steps[2].ExecutePython!.Result.ShouldStartWith("4 sources");
        steps.ShouldAllBe(s => s.Thought.Length > 0);
        var usage = response.Usage.ShouldNotBeNull();
        usage.ReasoningTokens.ShouldNotBeNull().ShouldBeGreaterThan(0);
        usage.CitationTokens.ShouldNotBeNull().ShouldBeGreaterThan(0);
        usage.NumSearchQueries.ShouldBe(12);
        var cost = usage.Cost.ShouldNotBeNull();
        cost.ReasoningTokensCost.ShouldNotBeNull().ShouldBeGreaterThan(0m);
        cost.SearchQueriesCost.ShouldNotBeNull().ShouldBeGreaterThan(0m);
        cost.TotalCost.ShouldBe(cost.InputTokensCost + cost.OutputTokensCost + cost.ReasoningTokensCost!.Value
            + cost.CitationTokensCost!.Value + cost.SearchQueriesCost!.Value + cost.RequestCost!.Value);
    }

    [Fact]
    public async Task ChatCompletionsGet_OfANonReasoningModel_HasNoReasoningSteps()
    {
        var job = _harness.Emulator.AddJob(Question, model: "sonar");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var response = (await _client.ChatCompletions.GetAsync(job.Id)).Response.ShouldNotBeNull();

        response.Choices[0].Message.ReasoningSteps.ShouldBeNull();
        response.Usage!.ReasoningTokens.ShouldBeNull();
        response.Usage.Cost!.ReasoningTokensCost.ShouldBeNull();
    }

    [Fact]
    public async Task SonarGet_WhenImagesAndRelatedQuestionsAreTurnedOff_LeavesThemOut()
    {
        var extra = new JsonObject { ["return_images"] = false, ["return_related_questions"] = false };
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, Question, extra: extra))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var response = (await _client.Sonar.GetAsync(id)).Response.ShouldNotBeNull();

        response.Images.ShouldBeNull();
        response.RelatedQuestions.ShouldBeNull();
    }

    [Fact]
    public async Task Get_OfAnUnfinishedJob_HasNoResponse()
    {
        var job = _harness.Emulator.AddJob(Question);

        var created = await _client.Sonar.GetAsync(job.Id);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var running = await _client.ChatCompletions.GetAsync(job.Id);

        created.Status.ShouldBe(AsyncProcessingStatus.Created);
        created.StartedAt.ShouldBeNull();
        running.Status.ShouldBe(AsyncProcessingStatus.InProgress);
        running.StartedAt.ShouldBe(EmulatorHarness.Start.AddSeconds(1));
        running.Response.ShouldBeNull();
    }

    [Fact]
    public async Task Get_Repeatedly_ReturnsTheSameCompletion()
    {
        var job = _harness.Emulator.AddJob(Question);
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var first = PerplexityJson.Serialize(await _client.Sonar.GetAsync(job.Id));
        _harness.Time.Advance(TimeSpan.FromHours(1));
        var second = PerplexityJson.Serialize(await _client.Sonar.GetAsync(job.Id));

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Get_UnknownId_ThrowsNotFound()
    {
        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => _client.Sonar.GetAsync("missing"));

        ex.ErrorMessage.ShouldNotBeNull().ShouldContain("missing");
    }

    [Fact]
    public async Task CreateClient_Default_TalksToTheProductionAddressOnTheEmulatorClock()
    {
        var job = _harness.Emulator.AddJob(Question);

        await _client.Sonar.GetAsync(job.Id);

        _harness.Emulator.Requests.Single().Uri.Host.ShouldBe("api.perplexity.ai");
        _harness.Emulator.TimeProvider.ShouldBe(_harness.Time);
    }

    [Fact]
    public async Task Emulator_AfterItsHttpClientDisposedIt_KeepsWorking()
    {
        var job = _harness.Emulator.AddJob(Question);
        new HttpClient(_harness.Emulator, disposeHandler: true).Dispose();
        _harness.Emulator.Dispose();

        using var client = _harness.Emulator.CreateClient();

        (await client.Sonar.GetAsync(job.Id)).Id.ShouldBe(job.Id);
    }

    [Fact]
    public async Task Emulator_AsThePrimaryHandlerOfIHttpClientFactory_ServesTheSdk()
    {
        var job = _harness.Emulator.AddJob(Question);
        var services = new ServiceCollection();
        services.AddHttpClient("perplexity").ConfigurePrimaryHttpMessageHandler(() => _harness.Emulator);
        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("perplexity");
        using var client = new PerplexityAsyncClient(http, new PerplexityAsyncClientOptions { ApiKey = "k" });

        var result = await client.ChatCompletions.GetAsync(job.Id);

        result.Id.ShouldBe(job.Id);
        _harness.Emulator.Requests.Single().Path.ShouldBe($"/async/chat/completions/{job.Id}");
    }

    public void Dispose()
    {
        _client.Dispose();
        _harness.Dispose();
    }
}
