using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>The adapter (on its default route, the Agent API) in Microsoft.Extensions.AI's builder pipeline, registered with dependency injection.</summary>
public sealed class ChatClientPipelineTests : IDisposable
{
    private const string Question = ChatClientHarness.Question;

    private readonly TestClock _clock = new();
    private readonly PerplexityEmulator _emulator;

    public ChatClientPipelineTests() =>
        _emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = _clock, AgentKeepAliveInterval = null });

    [Fact]
    public async Task AddChatClient_OverAddPerplexityAsync_WithLogging_AnswersAndLogs()
    {
        var logs = new CapturingLoggerProvider();
        var services = CreateServices();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddChatClient(sp => sp.GetRequiredService<PerplexityAsyncClient>().AsIChatClient())
            .UseLogging();
        using var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatClient>();

        var response = await _clock.DriveAsync(chat.GetResponseAsync(Question));

        response.Text.ShouldContain("heat pumps");
        response.ResponseId.ShouldBe(_emulator.AgentRuns.Single().Id);
        chat.GetService<PerplexityAsyncClient>().ShouldNotBeNull();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("perplexity");
        logs.Entries.ShouldContain(e => e.Message.Contains("GetResponseAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseOpenTelemetry_RecordsAnActivityWithTheProviderModelResponseIdAndUsage()
    {
        const string source = "Perplexity.Async.Tests.ChatPipeline";
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var services = CreateServices();
        services.AddChatClient(sp => sp.GetRequiredService<PerplexityAsyncClient>().AsIChatClient())
            .UseOpenTelemetry(sourceName: source);
        using var provider = services.BuildServiceProvider();

        var response = await _clock.DriveAsync(provider.GetRequiredService<IChatClient>().GetResponseAsync(Question));

        var activity = activities.ShouldHaveSingleItem();

        // Each tag once: the SDK's wait telemetry tags its own span, never the chat span around it.
        var tags = activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        tags["gen_ai.provider.name"].ShouldBe("perplexity");
        tags["gen_ai.request.model"].ShouldBe("medium");
        tags["gen_ai.response.model"].ShouldBe(response.ModelId);
        tags["gen_ai.response.id"].ShouldBe(response.ResponseId);
        tags["gen_ai.usage.input_tokens"].ShouldBe(response.Usage!.InputTokenCount);
        tags["gen_ai.usage.output_tokens"].ShouldBe(response.Usage.OutputTokenCount);
        tags["server.address"].ShouldBe(_emulator.BaseAddress.Host);
    }

    [Fact]
    public async Task UseDistributedCache_AnswersARepeatedQuestionFromTheCacheWithoutASecondJob()
    {
        var cache = new InMemoryDistributedCache();
        var services = CreateServices();
        services.AddSingleton<IDistributedCache>(cache);
        services.AddChatClient(sp => sp.GetRequiredService<PerplexityAsyncClient>().AsIChatClient())
            .UseDistributedCache();
        using var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatClient>();

        var first = await _clock.DriveAsync(chat.GetResponseAsync(Question));
        var second = await chat.GetResponseAsync(Question);

        _emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
        cache.Count.ShouldBe(1);
        second.Text.ShouldBe(first.Text);
        second.ResponseId.ShouldBe(first.ResponseId);
        second.Usage!.TotalTokenCount.ShouldBe(first.Usage!.TotalTokenCount);

        // Read back from the cache, an SDK value is JSON; PerplexityJson turns it back into the SDK type.
        var cachedCost = second.AdditionalProperties![PerplexityChatResponseProperties.Cost].ShouldBeOfType<JsonElement>();
        PerplexityJson.Deserialize<AgentCost>(cachedCost.GetRawText())!.TotalCost.ShouldBe(((AgentCost)first.AdditionalProperties![PerplexityChatResponseProperties.Cost]!).TotalCost);
    }

    [Fact]
    public async Task ChatClientBuilder_OverAsChatClient_StreamsThroughTheMiddleware()
    {
        using var client = _emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test-key",
            BaseAddress = _emulator.BaseAddress,
            TimeProvider = _clock,
            RequestTimeout = null,
        });
        var logs = new CapturingLoggerProvider();
        using var chat = new ChatClientBuilder(client.AsIChatClient("sonar-pro"))
            .UseLogging(logs)
            .Build();

        var updates = await _clock.DriveAsync(ChatClientHarness.CollectAsync(chat.GetStreamingResponseAsync(Question)));

        string.Concat(updates.Select(u => u.Text)).ShouldContain("heat pumps");
        updates.Last().Contents.OfType<UsageContent>().ShouldHaveSingleItem();
        updates.Last().ModelId.ShouldBe(_emulator.AgentRuns.Single().ResolvedModel);
        ((string)System.Text.Json.Nodes.JsonNode.Parse(_emulator.AgentRuns.Single().RequestJson!)!["preset"]!).ShouldBe("low");
        logs.Entries.ShouldContain(e => e.Message.Contains("GetStreamingResponseAsync", StringComparison.Ordinal));
    }

    public void Dispose() => _emulator.Dispose();

    private ServiceCollection CreateServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddPerplexityAsync(o =>
            {
                o.ApiKey = "pplx-test-key";
                o.BaseAddress = _emulator.BaseAddress;
                o.RequestTimeout = null;
            })
            .ConfigurePrimaryHttpMessageHandler(() => _emulator);
        return services;
    }
}
