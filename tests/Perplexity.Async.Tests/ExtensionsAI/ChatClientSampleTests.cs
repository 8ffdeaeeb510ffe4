using System.IO;
using System.Threading;
using ChatClientSample;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>samples/ChatClient's core on the emulator and a fake clock.</summary>
public sealed class ChatClientSampleTests : IDisposable
{
    private readonly ChatClientHarness _harness = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_OnTheEmulator_PrintsTheStatusesAnswerSourcesRelatedQuestionsAndCost()
    {
        var exitCode = await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        exitCode.ShouldBe(0);
        var text = _output.ToString();
        var jobId = _harness.Emulator.Jobs.Single().Id;
        text.ShouldContain($"job {jobId}: CREATED");
        text.ShouldContain($"job {jobId}: IN_PROGRESS");
        text.ShouldContain("heat pumps");
        text.ShouldContain("Sources:");
        text.ShouldContain("  [4] ");
        text.ShouldContain("Related questions:");
        text.ShouldContain("Model sonar-deep-research, ");
        text.ShouldContain("Cost: $");
        _error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_SendsTheSamplesOptions()
    {
        await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        var request = _harness.SingleCreateRequest();
        ((string)request["model"]!).ShouldBe("sonar-deep-research");
        ((string)request["reasoning_effort"]!).ShouldBe("low");
        ((string)request["search_mode"]!).ShouldBe("web");
        ((bool)request["return_related_questions"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_OfAFailedJob_PrintsWhyAndReturns1()
    {
        _harness.Emulator.Script.ForPrompt(ChatApp.DefaultQuestion).FailWith("upstream model unavailable");

        var exitCode = await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        exitCode.ShouldBe(1);
        _error.ToString().ShouldContain("upstream model unavailable");
    }

    [Fact]
    public async Task RunAsync_Cancelled_Returns2()
    {
        using var cts = new CancellationTokenSource();
        var run = ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, cts.Token);
        await _harness.Clock.WaitUntilSettledAsync(run);

        await cts.CancelAsync();

        (await run).ShouldBe(2);
        _error.ToString().ShouldContain("Cancelled");
    }

    [Fact]
    public async Task Register_WithoutAKey_AnswersFromTheEmulatorThroughTheBuilderPipeline()
    {
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddLogging();
        var description = ChatBackend.Register(services, apiKey: null, clock);

        // No request-timeout timer for the clock to mistake for a poll delay (see PollingTestBase).
        services.Configure<PerplexityAsyncClientOptions>(o => o.RequestTimeout = null);
        services.AddChatClient(sp => sp.GetRequiredService<PerplexityAsyncClient>().AsIChatClient()).UseLogging();
        await using var provider = services.BuildServiceProvider();

        var exitCode = await clock.DriveAsync(ChatApp.RunAsync(provider.GetRequiredService<IChatClient>(), ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        description.ShouldContain("emulator");
        exitCode.ShouldBe(0);
        _output.ToString().ShouldContain("Sources:");
    }

    [Fact]
    public void Register_WithAKey_SaysTheApiAnswers()
    {
        ChatBackend.Register(new ServiceCollection(), "pplx-real", TimeProvider.System).ShouldContain("Perplexity API");
    }

    public void Dispose()
    {
        _harness.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
