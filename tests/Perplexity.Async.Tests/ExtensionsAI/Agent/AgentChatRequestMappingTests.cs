using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>ChatOptions and messages to the Agent API's create body, one option at a time.</summary>
public sealed class AgentChatRequestMappingTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_OnTheDefaultRoute_CreatesABackgroundRunOnTheAgentApiWithTheMediumPreset()
    {
        await _harness.GetResponseAsync();

        _harness.Calls()[0].ShouldBe("POST /v1/agent");
        _harness.Calls().Skip(1).ShouldAllBe(c => c.StartsWith("GET /v1/responses/resp_", StringComparison.Ordinal));
        var body = _harness.SingleCreateBody();
        ((string)body["preset"]!).ShouldBe("medium");
        ((bool)body["background"]!).ShouldBeTrue();
        body.ContainsKey("model").ShouldBeFalse();
        body["input"]!.ToJsonString().ShouldBe("""[{"type":"message","role":"user","content":"How do heat pumps work in cold climates?"}]""");
    }

    [Theory]
    [InlineData("fast", "preset", "fast")]
    [InlineData("high", "preset", "high")]
    [InlineData("openai/gpt-5.2", "model", "openai/gpt-5.2")]
    [InlineData("sonar", "preset", "fast")]
    [InlineData("sonar-pro", "preset", "low")]
    [InlineData("sonar-reasoning-pro", "preset", "low")]
    [InlineData("sonar-deep-research", "preset", "medium")]
    public async Task ModelId_IsAModelWhenItHasASlashAndAPresetOtherwise(string modelId, string field, string value)
    {
        await _harness.GetResponseAsync(options: new ChatOptions { ModelId = modelId });

        var body = _harness.SingleCreateBody();
        ((string)body[field]!).ShouldBe(value);
        body.ContainsKey(field == "model" ? "preset" : "model").ShouldBeFalse();
    }

    [Fact]
    public async Task DefaultModelId_OfTheOptions_IsUsedWhenTheCallNamesNone()
    {
        using var harness = new AgentChatHarness(new PerplexityAsyncChatClientOptions { DefaultModelId = "openai/gpt-5.2" });

        await harness.GetResponseAsync();

        ((string)harness.SingleCreateBody()["model"]!).ShouldBe("openai/gpt-5.2");
        harness.ChatClient.GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("openai/gpt-5.2");
    }

    [Fact]
    public async Task Instructions_AndSystemMessages_BecomeTheInstructionsInOrder()
    {
        List<AIChatMessage> messages = [new(ChatRole.System, "Answer in one paragraph."), new(ChatRole.User, "Why is the sky blue?")];

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages, new ChatOptions { Instructions = "You are a physicist." }));

        var body = _harness.SingleCreateBody();
        ((string)body["instructions"]!).ShouldBe("You are a physicist.\n\nAnswer in one paragraph.");
        body["input"]!.AsArray().ShouldHaveSingleItem()!["role"]!.GetValue<string>().ShouldBe("user");
    }

    [Fact]
    public async Task Temperature_TopP_AndMaxOutputTokens_AreSentAsTheirFields()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { Temperature = 0.7f, TopP = 0.9f, MaxOutputTokens = 1200 });

        var body = _harness.SingleCreateBody();
        body["temperature"]!.ToJsonString().ShouldBe("0.7");
        body["top_p"]!.ToJsonString().ShouldBe("0.9");
        ((int)body["max_output_tokens"]!).ShouldBe(1200);
    }

    [Theory]
    [InlineData(Microsoft.Extensions.AI.ReasoningEffort.None, "minimal")]
    [InlineData(Microsoft.Extensions.AI.ReasoningEffort.Low, "low")]
    [InlineData(Microsoft.Extensions.AI.ReasoningEffort.Medium, "medium")]
    [InlineData(Microsoft.Extensions.AI.ReasoningEffort.High, "high")]
    [InlineData(Microsoft.Extensions.AI.ReasoningEffort.ExtraHigh, "xhigh")]
    public async Task Reasoning_Effort_IsSentAsReasoningEffort(Microsoft.Extensions.AI.ReasoningEffort effort, string expected)
    {
        await _harness.GetResponseAsync(options: new ChatOptions { Reasoning = new ReasoningOptions { Effort = effort } });

        ((string)_harness.SingleCreateBody()["reasoning"]!["effort"]!).ShouldBe(expected);
    }

    [Fact]
    public async Task Tools_AFunctionAndHostedWebSearch_BecomeAFunctionToolAndWebSearch()
    {
        var weather = AIFunctionFactory.Create((string city) => "18°C", "get_weather", "The weather in a city.");

        await _harness.GetResponseAsync(options: new ChatOptions { Tools = [weather, new HostedWebSearchTool()] });

        var tools = _harness.SingleCreateBody()["tools"]!.AsArray();
        tools.Count.ShouldBe(2);
        ((string)tools[0]!["type"]!).ShouldBe("function");
        ((string)tools[0]!["name"]!).ShouldBe("get_weather");
        ((string)tools[0]!["description"]!).ShouldBe("The weather in a city.");
        ((string)tools[0]!["parameters"]!["properties"]!["city"]!["type"]!).ShouldBe("string");
        ((string)tools[1]!["type"]!).ShouldBe("web_search");
    }

    [Fact]
    public async Task Tools_FromAdditionalProperties_ComeBeforeTheFunctions()
    {
        var weather = AIFunctionFactory.Create(() => "18°C", "get_weather");
        var options = new ChatOptions
        {
            Tools = [weather],
            AdditionalProperties = new() { ["tools"] = new AgentTool[] { AgentTool.FetchUrl(maxUrls: 2) } },
        };

        await _harness.GetResponseAsync(options: options);

        var tools = _harness.SingleCreateBody()["tools"]!.AsArray();
        tools.Select(t => (string)t!["type"]!).ShouldBe(["fetch_url", "function"]);
        ((int)tools[0]!["max_urls"]!).ShouldBe(2);
    }

    public static TheoryData<string, string> ToolModes() => new()
    {
        { "auto", "\"auto\"" },
        { "none", "\"none\"" },
        { "required", "\"required\"" },
        { "specific", """{"name":"get_weather"}""" },
    };

    [Theory]
    [MemberData(nameof(ToolModes))]
    public async Task ToolMode_IsSentAsToolChoice(string mode, string expected)
    {
        ChatToolMode toolMode = mode switch
        {
            "auto" => ChatToolMode.Auto,
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            _ => ChatToolMode.RequireSpecific("get_weather"),
        };
        var weather = AIFunctionFactory.Create(() => "18°C", "get_weather");

        await _harness.GetResponseAsync(options: new ChatOptions { Tools = [weather], ToolMode = toolMode });

        _harness.SingleCreateBody()["tool_choice"]!.ToJsonString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AllowMultipleToolCalls_Set_IsSentAsParallelToolCalls(bool allow)
    {
        var weather = AIFunctionFactory.Create(() => "18°C", "get_weather");

        await _harness.GetResponseAsync(options: new ChatOptions { Tools = [weather], AllowMultipleToolCalls = allow });

        ((bool)_harness.SingleCreateBody()["parallel_tool_calls"]!).ShouldBe(allow);
    }

    [Fact]
    public async Task AllowMultipleToolCalls_NotSet_SendsNoParallelToolCalls()
    {
        var weather = AIFunctionFactory.Create(() => "18°C", "get_weather");

        await _harness.GetResponseAsync(options: new ChatOptions { Tools = [weather] });

        _harness.SingleCreateBody().ContainsKey("parallel_tool_calls").ShouldBeFalse();
    }

    [Fact]
    public async Task AllowMultipleToolCalls_OnADeploymentWithoutTheField_IsABadRequestNamingIt()
    {
        using var harness = new AgentChatHarness(configureEmulator: o => o.AgentAcceptsOptInFields = false);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => "18°C", "get_weather")], AllowMultipleToolCalls = false };

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(() => harness.GetResponseAsync(options: options));

        ex.Message.ShouldContain("parallel_tool_calls");
    }

    [Fact]
    public async Task ResponseFormat_WithASchema_IsSentAsJsonSchema()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}""").RootElement;
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict", "A short verdict.") };

        var response = await _harness.GetResponseAsync(options: options);

        var format = _harness.SingleCreateBody()["response_format"]!;
        ((string)format["type"]!).ShouldBe("json_schema");
        ((string)format["json_schema"]!["name"]!).ShouldBe("verdict");
        ((string)format["json_schema"]!["description"]!).ShouldBe("A short verdict.");
        format["json_schema"]!["schema"]!.ToJsonString().ShouldBe(schema.GetRawText());
        JsonDocument.Parse(response.Text).RootElement.TryGetProperty("answer", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ResponseFormat_JsonWithoutASchema_AsksForAnyObject()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        var format = _harness.SingleCreateBody()["response_format"]!["json_schema"]!;
        ((string)format["name"]!).ShouldBe("response");
        format["schema"]!.ToJsonString().ShouldBe("""{"type":"object"}""");
    }

    [Fact]
    public async Task RawRepresentationFactory_AFullAgentRequest_WinsOverTheOptionsAndItsInputComesFirst()
    {
        var options = new ChatOptions
        {
            ModelId = "fast",
            Temperature = 0.2f,
            RawRepresentationFactory = _ => new AgentRequest
            {
                Model = "openai/gpt-5.2",
                Temperature = 1.5,
                MaxSteps = 3,
                LanguagePreference = "de",
                Input = [AgentInputItem.DeveloperMessage("Cite sources.")],
            },
        };

        await _harness.GetResponseAsync(options: options);

        var body = _harness.SingleCreateBody();
        ((string)body["model"]!).ShouldBe("openai/gpt-5.2");
        body.ContainsKey("preset").ShouldBeFalse();
        body["temperature"]!.ToJsonString().ShouldBe("1.5");
        ((int)body["max_steps"]!).ShouldBe(3);
        ((string)body["language_preference"]!).ShouldBe("de");
        var input = body["input"]!.AsArray();
        input.Select(i => (string)i!["role"]!).ShouldBe(["developer", "user"]);
    }

    [Fact]
    public async Task AdditionalProperties_AreSentAsTheFieldsOfTheirName()
    {
        var options = new ChatOptions
        {
            AdditionalProperties = new() { ["max_steps"] = 4, ["language_preference"] = "fr", ["preset"] = "high" },
        };

        await _harness.GetResponseAsync(options: options);

        var body = _harness.SingleCreateBody();
        ((int)body["max_steps"]!).ShouldBe(4);
        ((string)body["language_preference"]!).ShouldBe("fr");
        ((string)body["preset"]!).ShouldBe("high");
    }

    [Fact]
    public async Task AdditionalProperties_ModelIdWinsOverAPresetInThem()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { ModelId = "openai/gpt-5.2", AdditionalProperties = new() { ["preset"] = "high" } });

        var body = _harness.SingleCreateBody();
        ((string)body["model"]!).ShouldBe("openai/gpt-5.2");
        body.ContainsKey("preset").ShouldBeFalse();
    }

    [Theory]
    [InlineData("input")]
    [InlineData("background")]
    [InlineData("stream")]
    public async Task AdditionalProperties_WithAFieldTheClientSets_ThrowsNamingIt(string name)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [name] = true } };

        var exception = await Should.ThrowAsync<ArgumentException>(_harness.ChatClient.GetResponseAsync(AgentChatHarness.Ask(), options));

        exception.Message.ShouldContain($"'{name}'");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AdditionalProperties_WithAValueItsFieldCannotTake_ThrowsNamingTheField()
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["max_steps"] = "many" } };

        var exception = await Should.ThrowAsync<ArgumentException>(_harness.ChatClient.GetResponseAsync(AgentChatHarness.Ask(), options));

        exception.Message.ShouldContain("max_steps");
    }

    [Fact]
    public async Task Messages_UserImagesFilesAssistantTextAndFunctionCalls_BecomeInputItemsInOrder()
    {
        List<AIChatMessage> messages =
        [
            new(ChatRole.User, [
                new TextContent("What is in these?"),
                new UriContent(new Uri("https://example.com/a.png"), "image/png"),
                new DataContent(new byte[] { 1, 2, 3 }, "application/pdf") { Name = "report.pdf" },
            ]),
            new(ChatRole.Assistant, [new TextContent("Let me check the weather."), new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "18°C")]),
            new(ChatRole.User, "And tomorrow?"),
        ];

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages));

        var input = _harness.SingleCreateBody()["input"]!.AsArray();
        input.Count.ShouldBe(5);
        var parts = input[0]!["content"]!.AsArray();
        parts.Select(p => (string)p!["type"]!).ShouldBe(["input_text", "input_image", "input_file"]);
        ((string)parts[1]!["image_url"]!).ShouldBe("https://example.com/a.png");
        ((string)parts[2]!["filename"]!).ShouldBe("report.pdf");
        ((string)parts[2]!["file_data"]!).ShouldBe("data:application/pdf;base64,AQID");
        input[1]!.ToJsonString().ShouldBe("""{"type":"message","role":"assistant","content":"Let me check the weather."}""");
        ((string)input[2]!["type"]!).ShouldBe("function_call");
        ((string)input[2]!["call_id"]!).ShouldBe("call_1");
        ((string)input[2]!["name"]!).ShouldBe("get_weather");
        ((string)input[2]!["arguments"]!).ShouldBe("""{"city":"Paris"}""");
        ((string)input[3]!["type"]!).ShouldBe("function_call_output");
        ((string)input[3]!["call_id"]!).ShouldBe("call_1");
        ((string)input[3]!["output"]!).ShouldBe("18°C");
        ((string)input[4]!["content"]!).ShouldBe("And tomorrow?");
    }

    [Fact]
    public async Task Messages_OnlySystem_ThrowsBeforeSending()
    {
        var exception = await Should.ThrowAsync<ArgumentException>(
            _harness.ChatClient.GetResponseAsync([new AIChatMessage(ChatRole.System, "Be brief.")]));

        exception.ParamName.ShouldBe("messages");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ConversationId_IsSentAsPreviousResponseId()
    {
        var first = await _harness.GetResponseAsync(options: new ChatOptions { ModelId = "fast" });

        await _harness.GetResponseAsync("And in Norway?", new ChatOptions { ModelId = "fast", ConversationId = first.ResponseId });

        ((string)_harness.CreateBodies()[1]["previous_response_id"]!).ShouldBe(first.ResponseId);
    }

    public void Dispose() => _harness.Dispose();
}
