using System.Net.Http;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Perplexity.Async.Tests.TestSupport;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>What a chat call sends: the create body the emulator recorded, for every mapped message and option.</summary>
public sealed class ChatRequestMappingTests : IDisposable
{
    private readonly ChatClientHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_WithoutOptions_SendsTheDefaultModelAndEachMessageWithItsRole()
    {
        List<AIChatMessage> messages =
        [
            new(ChatRole.System, "Be precise."),
            new(ChatRole.User, "What is a heat pump?"),
            new(ChatRole.Assistant, "A device that moves heat."),
            new(ChatRole.User, ChatClientHarness.Question),
        ];

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages));

        _harness.SingleCreateRequest().ToJsonString().ShouldBeEquivalentJson("""
            {
              "model": "sonar-deep-research",
              "messages": [
                {"role": "system", "content": "Be precise."},
                {"role": "user", "content": "What is a heat pump?"},
                {"role": "assistant", "content": "A device that moves heat."},
                {"role": "user", "content": "How do heat pumps work in cold climates?"}
              ]
            }
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithTypedOptions_SendsEachAsItsParameter()
    {
        var options = new ChatOptions
        {
            ModelId = "sonar-pro",
            MaxOutputTokens = 900,
            Temperature = 0.7f,
            TopP = 0.9f,
            TopK = 40,
            PresencePenalty = 0.5f,
            FrequencyPenalty = 0.25f,
            StopSequences = ["###", "END"],
            Reasoning = new ReasoningOptions { Effort = AIReasoningEffort.Medium },
        };

        await _harness.GetResponseAsync(options: options);

        var request = _harness.SingleCreateRequest();
        request.Remove("messages");
        request.ToJsonString().ShouldBeEquivalentJson("""
            {
              "model": "sonar-pro",
              "max_tokens": 900,
              "temperature": 0.7,
              "top_p": 0.9,
              "top_k": 40,
              "presence_penalty": 0.5,
              "frequency_penalty": 0.25,
              "stop": ["###", "END"],
              "reasoning_effort": "medium"
            }
            """);
    }

    [Theory]
    [InlineData(AIReasoningEffort.None, "minimal")]
    [InlineData(AIReasoningEffort.Low, "low")]
    [InlineData(AIReasoningEffort.High, "high")]
    [InlineData(AIReasoningEffort.ExtraHigh, "high")]
    public async Task GetResponseAsync_WithAReasoningEffort_SendsTheNearestPerplexityLevel(AIReasoningEffort effort, string expected)
    {
        await _harness.GetResponseAsync(options: new ChatOptions { Reasoning = new ReasoningOptions { Effort = effort } });

        ((string)_harness.SingleCreateRequest()["reasoning_effort"]!).ShouldBe(expected);
    }

    [Fact]
    public async Task GetResponseAsync_WithAJsonSchemaFormat_SendsAJsonSchemaResponseFormat()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "city_answer", "The city asked about."),
        };

        await _harness.GetResponseAsync(options: options);

        _harness.SingleCreateRequest()["response_format"]!.ToJsonString().ShouldBeEquivalentJson("""
            {
              "type": "json_schema",
              "json_schema": {
                "schema": {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},
                "name": "city_answer",
                "description": "The city asked about."
              }
            }
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithJsonFormatWithoutSchema_SendsAnOpenObjectSchema()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        _harness.SingleCreateRequest()["response_format"]!.ToJsonString().ShouldBeEquivalentJson("""
            {"type": "json_schema", "json_schema": {"schema": {"type": "object"}}}
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithTextFormat_SendsTextResponseFormat()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { ResponseFormat = ChatResponseFormat.Text });

        _harness.SingleCreateRequest()["response_format"]!.ToJsonString().ShouldBeEquivalentJson("""{"type": "text"}""");
    }

    [Fact]
    public async Task GetResponseAsync_WithPerplexitySettingsInAdditionalProperties_SendsThemAsTypedParameters()
    {
        using var extra = JsonDocument.Parse("""{"level":"strict"}""");
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                ["search_mode"] = "academic",
                ["reasoning_effort"] = ReasoningEffort.Low,
                ["search_domain_filter"] = new[] { "nature.com", "-reddit.com" },
                ["search_recency_filter"] = SearchRecencyFilter.Week,
                ["search_after_date_filter"] = "01/01/2025",
                ["return_images"] = true,
                ["return_related_questions"] = false,
                ["num_search_results"] = 8,
                ["web_search_options"] = new WebSearchOptions
                {
                    SearchContextSize = SearchContextSize.High,
                    UserLocation = new UserLocation { Country = "DE", City = "Berlin" },
                },
                ["language_preference"] = "German",
                ["safe_search"] = extra.RootElement.Clone(),
                ["ignored_when_null"] = null,
            },
        };

        await _harness.GetResponseAsync(options: options);

        var request = _harness.SingleCreateRequest();
        request.Remove("messages");
        request.ToJsonString().ShouldBeEquivalentJson("""
            {
              "model": "sonar-deep-research",
              "search_mode": "academic",
              "reasoning_effort": "low",
              "search_domain_filter": ["nature.com", "-reddit.com"],
              "search_recency_filter": "week",
              "search_after_date_filter": "01/01/2025",
              "return_images": true,
              "return_related_questions": false,
              "num_search_results": 8,
              "web_search_options": {"search_context_size": "high", "user_location": {"country": "DE", "city": "Berlin"}},
              "language_preference": "German",
              "safe_search": {"level": "strict"}
            }
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithATypedOptionAndTheSameAdditionalProperty_SendsTheTypedOne()
    {
        var options = new ChatOptions
        {
            MaxOutputTokens = 100,
            ModelId = "sonar",
            AdditionalProperties = new() { ["max_tokens"] = 5000, ["model"] = "sonar-pro" },
        };

        await _harness.GetResponseAsync(options: options);

        var request = _harness.SingleCreateRequest();
        ((int)request["max_tokens"]!).ShouldBe(100);
        ((string)request["model"]!).ShouldBe("sonar");
    }

    [Fact]
    public async Task GetResponseAsync_WithAnAdditionalPropertyOfTheWrongShape_ThrowsNamingItAndSendsNothing()
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["search_domain_filter"] = 42 } };

        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), options));

        exception.ParamName.ShouldBe("options");
        exception.Message.ShouldContain("search_domain_filter");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithMessagesInAdditionalProperties_Throws()
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["messages"] = "[]" } };

        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), options));

        exception.Message.ShouldContain("'messages'");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithStreamTrueInAdditionalProperties_IsRefusedByTheSdk()
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["stream"] = true } };

        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), options));

        exception.Message.ShouldContain("never stream");
    }

    [Fact]
    public async Task GetResponseAsync_WithARawRequest_LetsItsSettingsWinAndPrependsItsMessages()
    {
        var options = new ChatOptions
        {
            Temperature = 0.9f,
            MaxOutputTokens = 300,
            RawRepresentationFactory = _ => new ChatCompletionRequest
            {
                Model = string.Empty,
                Messages = [ChatRequestMessage.System("Cite primary sources.")],
                Temperature = 0.1,
                SearchMode = SearchMode.Sec,
            },
        };

        await _harness.GetResponseAsync(options: options);

        _harness.SingleCreateRequest().ToJsonString().ShouldBeEquivalentJson("""
            {
              "model": "sonar-deep-research",
              "temperature": 0.1,
              "max_tokens": 300,
              "search_mode": "sec",
              "messages": [
                {"role": "system", "content": "Cite primary sources."},
                {"role": "user", "content": "How do heat pumps work in cold climates?"}
              ]
            }
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithARawRequestNamingAModel_UsesItsModel()
    {
        var options = new ChatOptions
        {
            ModelId = "sonar",
            RawRepresentationFactory = _ => new ChatCompletionRequest { Model = "sonar-reasoning-pro", Messages = [] },
        };

        await _harness.GetResponseAsync(options: options);

        ((string)_harness.SingleCreateRequest()["model"]!).ShouldBe("sonar-reasoning-pro");
    }

    [Fact]
    public async Task GetResponseAsync_WithARawRepresentationOfAnotherType_IgnoresIt()
    {
        var options = new ChatOptions { ModelId = "sonar", RawRepresentationFactory = _ => new object() };

        await _harness.GetResponseAsync(options: options);

        ((string)_harness.SingleCreateRequest()["model"]!).ShouldBe("sonar");
    }

    [Fact]
    public async Task GetResponseAsync_WithInstructions_SendsThemAsALeadingSystemMessage()
    {
        await _harness.GetResponseAsync(options: new ChatOptions { Instructions = "Answer in German." });

        var first = _harness.SingleCreateRequest()["messages"]![0]!;
        ((string)first["role"]!).ShouldBe("system");
        ((string)first["content"]!).ShouldBe("Answer in German.");
    }

    [Fact]
    public async Task GetResponseAsync_WithImagesVideosAndFiles_SendsThemAsChunks()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47];
        byte[] pdf = [0x25, 0x50, 0x44, 0x46];
        var message = new AIChatMessage(ChatRole.User,
        [
            new TextContent("Compare these."),
            new DataContent(png, "image/png"),
            new UriContent("https://example.com/chart.jpg", "image/jpeg"),
            new UriContent("https://example.com/talk.mp4", "video/mp4"),
            new DataContent(pdf, "application/pdf") { Name = "report.pdf" },
            new UriContent("https://example.com/data.csv", "text/csv"),
        ]);

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync([message]));

        _harness.SingleCreateRequest()["messages"]![0]!["content"]!.ToJsonString().ShouldBeEquivalentJson("""
            [
              {"type": "text", "text": "Compare these."},
              {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw=="}},
              {"type": "image_url", "image_url": {"url": "https://example.com/chart.jpg"}},
              {"type": "video_url", "video_url": {"url": "https://example.com/talk.mp4", "frame_interval": 25}},
              {"type": "file_url", "file_url": {"url": "JVBERg=="}, "file_name": "report.pdf"},
              {"type": "file_url", "file_url": {"url": "https://example.com/data.csv"}}
            ]
            """);
    }

    [Fact]
    public async Task GetResponseAsync_WithSeveralTextContents_SendsOneString()
    {
        var message = new AIChatMessage(ChatRole.User, [new TextContent("How do heat pumps "), new TextContent("work?")]);

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync([message]));

        ((string)_harness.SingleCreateRequest()["messages"]![0]!["content"]!).ShouldBe("How do heat pumps work?");
    }

    [Fact]
    public async Task GetResponseAsync_WithAMessageOfNothingPerplexityTakes_KeepsItsTurnWithEmptyContent()
    {
        List<AIChatMessage> messages =
        [
            new(ChatRole.User, "First question"),
            new(ChatRole.Assistant, [new TextReasoningContent("thinking only")]),
            new(ChatRole.User, ChatClientHarness.Question),
        ];

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages));

        var sent = _harness.SingleCreateRequest()["messages"]!.AsArray();
        sent.Count.ShouldBe(3);
        ((string)sent[1]!["role"]!).ShouldBe("assistant");
        ((string)sent[1]!["content"]!).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithAnotherRole_SendsItsName()
    {
        List<AIChatMessage> messages = [new(new ChatRole("developer"), "Be brief."), new(ChatRole.User, ChatClientHarness.Question)];

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages));

        ((string)_harness.SingleCreateRequest()["messages"]![0]!["role"]!).ShouldBe("developer");
    }

    [Fact]
    public async Task GetResponseAsync_WithFunctionsAndToolHistory_SendsToolsToolCallsAndToolMessages()
    {
        var weather = AIFunctionFactory.Create(([Description("The city")] string city) => "sunny", "get_weather", "Gets the weather.");
        List<AIChatMessage> messages =
        [
            new(ChatRole.User, "Weather in Paris?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "sunny")]),
            new(ChatRole.User, ChatClientHarness.Question),
        ];
        var options = new ChatOptions { Tools = [weather], ToolMode = ChatToolMode.RequireAny, AllowMultipleToolCalls = false };

        await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync(messages, options));

        var request = _harness.SingleCreateRequest();
        var tool = request["tools"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)tool["type"]!).ShouldBe("function");
        ((string)tool["function"]!["name"]!).ShouldBe("get_weather");
        ((string)tool["function"]!["description"]!).ShouldBe("Gets the weather.");
        ((string)tool["function"]!["parameters"]!["properties"]!["city"]!["type"]!).ShouldBe("string");
        ((string)request["tool_choice"]!).ShouldBe("required");
        ((bool)request["parallel_tool_calls"]!).ShouldBeFalse();
        request["messages"]![1]!.ToJsonString().ShouldBeEquivalentJson("""
            {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]}
            """);
        request["messages"]![2]!.ToJsonString().ShouldBeEquivalentJson("""
            {"role": "tool", "tool_call_id": "call_1", "content": "sunny"}
            """);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("none")]
    public async Task GetResponseAsync_WithAToolMode_SendsItsToolChoice(string mode)
    {
        var options = new ChatOptions { ToolMode = mode == "auto" ? ChatToolMode.Auto : ChatToolMode.None };

        await _harness.GetResponseAsync(options: options);

        ((string)_harness.SingleCreateRequest()["tool_choice"]!).ShouldBe(mode);
    }

    [Fact]
    public async Task GetResponseAsync_OnTheSonarRoute_CreatesOnSonar()
    {
        await _harness.GetResponseAsync();

        _harness.Emulator.Requests[0].Path.ShouldBe("/v1/async/sonar");
        _harness.Emulator.Requests.Skip(1).ShouldAllBe(r => r.Path.StartsWith("/v1/async/sonar/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetResponseAsync_OnTheChatCompletionsRoute_CreatesAndPollsThere()
    {
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.ChatCompletions });

        await harness.GetResponseAsync();

        harness.Emulator.Requests[0].Path.ShouldBe("/async/chat/completions");
        harness.Emulator.Requests.Skip(1).ShouldAllBe(r => r.Path.StartsWith("/async/chat/completions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetResponseAsync_WithRequestOptions_SendsTheirHeadersWithTheCreate()
    {
        var requestOptions = new AsyncRequestOptions { ClientName = "chat-sample", LocalMode = false };
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, RequestOptions = requestOptions });

        await harness.GetResponseAsync();

        var create = harness.Emulator.Requests[0];
        create.Header("x-client-name").ShouldBe("chat-sample");
        create.QueryParameter("local_mode").ShouldBe("false");
    }

    [Fact]
    public async Task GetResponseAsync_CalledTwice_SendsTwoIdempotencyKeys()
    {
        await _harness.GetResponseAsync();
        await _harness.GetResponseAsync();

        var keys = _harness.Emulator.Requests
            .Where(r => r.Method == HttpMethod.Post)
            .Select(r => (string)JsonNode.Parse(r.Body!)!["idempotency_key"]!)
            .ToList();
        keys.Count.ShouldBe(2);
        keys.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task GetResponseAsync_WithNoMessages_ThrowsAndSendsNothing()
    {
        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync([]));

        exception.ParamName.ShouldBe("messages");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithANullMessage_ThrowsNamingItsIndex()
    {
        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync([new(ChatRole.User, "Hi"), null!]));

        exception.Message.ShouldContain("messages[1]");
    }

    [Fact]
    public async Task GetResponseAsync_WithNullMessages_ThrowsArgumentNull()
    {
        await Should.ThrowAsync<ArgumentNullException>(() => _harness.ChatClient.GetResponseAsync((IEnumerable<AIChatMessage>)null!));
        Should.Throw<ArgumentNullException>(() => _harness.ChatClient.GetStreamingResponseAsync(null!));
    }

    public void Dispose() => _harness.Dispose();
}
