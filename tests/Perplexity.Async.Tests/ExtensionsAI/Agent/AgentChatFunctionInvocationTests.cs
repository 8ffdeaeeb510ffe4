using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>Function calls round-trip, so Microsoft.Extensions.AI's UseFunctionInvocation() works end to end.</summary>
public sealed class AgentChatFunctionInvocationTests : IDisposable
{
    private const string Question = "What is the weather in Paris?";

    private readonly AgentChatHarness _harness = new();
    private readonly List<string> _cities = [];

    [Fact]
    public async Task GetResponseAsync_ARunThatCallsAFunction_ReturnsTheCallWithFinishReasonToolCalls()
    {
        _harness.Emulator.Script.ForAgentPrompt(Question).CallFunction("get_weather", """{"city":"Paris"}""");

        var response = await _harness.GetResponseAsync(Question, new ChatOptions { ModelId = "openai/gpt-5.2", Tools = [Weather()] });

        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        var call = response.Messages.ShouldHaveSingleItem().Contents.OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.Name.ShouldBe("get_weather");
        call.CallId.ShouldStartWith("call_");
        call.Arguments!["city"]!.ToString().ShouldBe("Paris");
        call.RawRepresentation.ShouldBeOfType<AgentFunctionCallOutputItem>();
    }

    [Fact]
    public async Task UseFunctionInvocation_CallsTheFunctionAndSendsItsResultBack_EndToEnd()
    {
        _harness.Emulator.Script.ForAgentPrompt(Question).CallFunction("get_weather", """{"city":"Paris"}""", answer: "It is 18 °C and sunny in Paris.");
        using var chat = new ChatClientBuilder(_harness.ChatClient).UseFunctionInvocation().Build();

        var response = await _harness.DriveAsync(chat.GetResponseAsync(Question, new ChatOptions { ModelId = "openai/gpt-5.2", Tools = [Weather()] }));

        response.Text.ShouldBe("It is 18 °C and sunny in Paris.");
        _cities.ShouldBe(["Paris"]);
        var creates = _harness.CreateBodies();
        creates.Count.ShouldBe(2);
        var input = creates[1]["input"]!.AsArray();
        input.Select(i => (string)i!["type"]!).ShouldBe(["message", "function_call", "function_call_output"]);
        ((string)input[1]!["call_id"]!).ShouldBe((string)input[2]!["call_id"]!);
        ((string)input[1]!["name"]!).ShouldBe("get_weather");
        ((string)input[2]!["output"]!).ShouldContain("18");
        creates[1]["tools"]!.AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task UseFunctionInvocation_WhenStreaming_CallsTheFunctionAndStreamsTheAnswer()
    {
        _harness.Emulator.Script.ForAgentPrompt(Question).CallFunction("get_weather", """{"city":"Paris"}""");
        using var chat = new ChatClientBuilder(_harness.ChatClient).UseFunctionInvocation().Build();

        var updates = await _harness.DriveAsync(AgentChatHarness.CollectAsync(
            chat.GetStreamingResponseAsync(Question, new ChatOptions { ModelId = "openai/gpt-5.2", Tools = [Weather()] })));

        _cities.ShouldBe(["Paris"]);
        updates.ToChatResponse().Text.ShouldBe("Function results: 18 °C and sunny in Paris");
        _harness.CreateBodies().Count.ShouldBe(2);
    }

    [Fact]
    public async Task UseFunctionInvocation_WithOpenTelemetry_RecordsTheChatAndToolSpans()
    {
        const string source = "Perplexity.Async.Tests.AgentFunctions";
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
        _harness.Emulator.Script.ForAgentPrompt(Question).CallFunction("get_weather", """{"city":"Paris"}""");
        using var chat = new ChatClientBuilder(_harness.ChatClient)
            .UseFunctionInvocation()
            .UseOpenTelemetry(sourceName: source)
            .Build();

        var response = await _harness.DriveAsync(chat.GetResponseAsync(Question, new ChatOptions { ModelId = "openai/gpt-5.2", Tools = [Weather()] }));

        response.Text.ShouldStartWith("Function results:");
        List<Activity> recorded;
        lock (activities)
        {
            recorded = [.. activities];
        }

        var chats = recorded.Where(a => a.GetTagItem("gen_ai.provider.name") as string == "perplexity").ToList();
        chats.Count.ShouldBe(2);
        chats.ShouldAllBe(a => (string?)a.GetTagItem("gen_ai.request.model") == "openai/gpt-5.2");
        recorded.ShouldContain(a => a.DisplayName.Contains("get_weather", StringComparison.Ordinal));
    }

    public void Dispose() => _harness.Dispose();

    private AIFunction Weather() => AIFunctionFactory.Create(
        (string city) =>
        {
            _cities.Add(city);
            return "18 °C and sunny in " + city;
        },
        "get_weather",
        "The current weather in a city.");
}
