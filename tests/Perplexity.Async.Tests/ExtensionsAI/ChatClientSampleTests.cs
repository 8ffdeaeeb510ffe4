using System.IO;
using System.Threading;
using ChatClientSample;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async.Tests.ExtensionsAI.Agent;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>samples/ChatClient's core on the emulator's Agent API and a fake clock.</summary>
public sealed class ChatClientSampleTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_OnTheEmulator_PrintsTheStatusesSearchesAnswerSourcesUsageAndCost()
    {
        var exitCode = await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        exitCode.ShouldBe(0);
        var text = _output.ToString();
        var run = _harness.Emulator.AgentRuns.Single();
        text.ShouldContain($"run {run.Id}: queued");
        text.ShouldContain($"run {run.Id}: in_progress");
        text.ShouldContain("  ... ");
        text.ShouldContain("heat pumps");
        text.ShouldContain("Sources:");
        text.ShouldContain("  [4] ");
        text.ShouldContain($"Model {run.ResolvedModel}, ");
        text.ShouldContain("Cost: $");
        _error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_SendsTheSamplesOptions()
    {
        await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        var request = _harness.SingleCreateBody();
        ((string)request["preset"]!).ShouldBe("medium");
        ((string)request["reasoning"]!["effort"]!).ShouldBe("low");
        ((string)request["language_preference"]!).ShouldBe("en");
    }

    [Fact]
    public async Task RunAsync_OfAFailedRun_PrintsWhyAndReturns1()
    {
        _harness.Emulator.Script.ForAgentPrompt(ChatApp.DefaultQuestion).Fail("upstream model unavailable");

        var exitCode = await _harness.DriveAsync(ChatApp.RunAsync(_harness.ChatClient, ChatApp.DefaultQuestion, _output, _error, CancellationToken.None));

        exitCode.ShouldBe(1);
        _error.ToString().ShouldContain("upstream model unavailable");
        _error.ToString().ShouldContain(_harness.Emulator.AgentRuns.Single().Id);
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
