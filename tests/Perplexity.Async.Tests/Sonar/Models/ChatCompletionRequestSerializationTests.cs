using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class ChatCompletionRequestSerializationTests
{
    private static readonly JsonElement Schema = Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");

    [Fact]
    public void Serialize_MinimalRequest_WritesOnlyModelAndMessages()
    {
        var request = new ChatCompletionRequest { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("Hi")] };

        PerplexityJson.Serialize(request).ShouldBe("""{"model":"sonar-deep-research","messages":[{"role":"user","content":"Hi"}]}""");
    }

    [Fact]
    public void Serialize_EveryParameter_WritesDocumentedSnakeCaseNames()
    {
        var request = new ChatCompletionRequest
        {
            Model = "sonar-pro",
            Messages = [ChatRequestMessage.System("Be brief."), ChatRequestMessage.User("Weather?")],
            MaxTokens = 1000,
            Stream = false,
            Stop = new[] { "###", "END" },
            Temperature = 0.2,
            TopP = 0.9,
            TopK = 40,
            PresencePenalty = 0.5,
            FrequencyPenalty = 1.5,
            ResponseFormat = ResponseFormat.ForJsonSchema(Schema, name: "city", description: "A city", strict: true),
            WebSearchOptions = new WebSearchOptions
            {
                SearchContextSize = SearchContextSize.High,
                SearchType = SearchType.Pro,
                UserLocation = new UserLocation { Latitude = 37.7749, Longitude = -122.4194, Country = "US", City = "San Francisco", Region = "California" },
                ImageResultsEnhancedRelevance = true,
            },
            SearchMode = SearchMode.Academic,
            ReturnImages = true,
            ReturnRelatedQuestions = true,
            EnableSearchClassifier = true,
            DisableSearch = false,
            SearchDomainFilter = ["nature.com", "-reddit.com"],
            SearchLanguageFilter = ["en", "de"],
            SearchRecencyFilter = SearchRecencyFilter.Week,
            SearchAfterDateFilter = "03/01/2025",
            SearchBeforeDateFilter = "03/31/2025",
            LastUpdatedAfterFilter = "01/01/2025",
            LastUpdatedBeforeFilter = "12/31/2025",
            ImageFormatFilter = ["png"],
            ImageDomainFilter = ["-gettyimages.com"],
            StreamMode = StreamMode.Concise,
            ReasoningEffort = ReasoningEffort.High,
            LanguagePreference = "English",
            NumSearchResults = 10,
            NumImages = 3,
            Tools = [new ChatTool { Function = new ChatToolFunction { Name = "get_weather", Description = "Weather by city", Parameters = Schema, Strict = true } }],
            ToolChoice = ToolChoice.Auto,
            ParallelToolCalls = false,
        };

        var json = PerplexityJson.Serialize(request);

        json.ShouldBe(
            "{" +
            "\"model\":\"sonar-pro\"," +
            "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Weather?\"}]," +
            "\"max_tokens\":1000," +
            "\"stream\":false," +
            "\"stop\":[\"###\",\"END\"]," +
            "\"temperature\":0.2," +
            "\"top_p\":0.9," +
            "\"top_k\":40," +
            "\"presence_penalty\":0.5," +
            "\"frequency_penalty\":1.5," +
            "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"schema\":" + Schema.GetRawText() + ",\"name\":\"city\",\"description\":\"A city\",\"strict\":true}}," +
            "\"web_search_options\":{\"search_context_size\":\"high\",\"search_type\":\"pro\",\"user_location\":{\"latitude\":37.7749,\"longitude\":-122.4194,\"country\":\"US\",\"city\":\"San Francisco\",\"region\":\"California\"},\"image_results_enhanced_relevance\":true}," +
            "\"search_mode\":\"academic\"," +
            "\"return_images\":true," +
            "\"return_related_questions\":true," +
            "\"enable_search_classifier\":true," +
            "\"disable_search\":false," +
            "\"search_domain_filter\":[\"nature.com\",\"-reddit.com\"]," +
            "\"search_language_filter\":[\"en\",\"de\"]," +
            "\"search_recency_filter\":\"week\"," +
            "\"search_after_date_filter\":\"03/01/2025\"," +
            "\"search_before_date_filter\":\"03/31/2025\"," +
            "\"last_updated_after_filter\":\"01/01/2025\"," +
            "\"last_updated_before_filter\":\"12/31/2025\"," +
            "\"image_format_filter\":[\"png\"]," +
            "\"image_domain_filter\":[\"-gettyimages.com\"]," +
            "\"stream_mode\":\"concise\"," +
            "\"reasoning_effort\":\"high\"," +
            "\"language_preference\":\"English\"," +
            "\"num_search_results\":10," +
            "\"num_images\":3," +
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather by city\",\"parameters\":" + Schema.GetRawText() + ",\"strict\":true}}]," +
            "\"tool_choice\":\"auto\"," +
            "\"parallel_tool_calls\":false" +
            "}");
    }

    [Fact]
    public void Serialize_SingleStop_WritesString()
    {
        var request = Minimal() with { Stop = "###" };

        Node(request)["stop"]!.GetValue<string>().ShouldBe("###");
    }

    [Fact]
    public void Deserialize_StopInBothForms_KeepsForm()
    {
        var single = PerplexityJson.Deserialize<ChatCompletionRequest>("""{"model":"m","messages":[],"stop":"x"}""");
        var many = PerplexityJson.Deserialize<ChatCompletionRequest>("""{"model":"m","messages":[],"stop":["x","y"]}""");

        single.Stop!.IsSingle.ShouldBeTrue();
        single.Stop.Values.ShouldBe(["x"]);
        many.Stop!.IsSingle.ShouldBeFalse();
        many.Stop.Values.ShouldBe(["x", "y"]);
        many.Stop.ShouldBe(StopSequences.FromList(["x", "y"]));
        many.Stop.ShouldNotBe(StopSequences.FromString("x"));
    }

    [Fact]
    public void Deserialize_StopOfWrongType_ThrowsJsonException()
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<ChatCompletionRequest>("""{"model":"m","messages":[],"stop":1}"""));
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<ChatCompletionRequest>("""{"model":"m","messages":[],"stop":["x",1]}"""));
    }

    [Fact]
    public void Serialize_TextAndRegexResponseFormats_WriteTypeAndPayload()
    {
        Node(Minimal() with { ResponseFormat = ResponseFormat.Text })["response_format"]!.ToJsonString()
            .ShouldBe("""{"type":"text"}""");
        Node(Minimal() with { ResponseFormat = ResponseFormat.ForRegex("[0-9]+") })["response_format"]!.ToJsonString()
            .ShouldBeEquivalentJson("""{"type":"regex","regex":{"regex":"[0-9]+"}}""");
        Node(Minimal() with { ResponseFormat = ResponseFormat.ForJsonSchema(Schema) })["response_format"]!["json_schema"]!.AsObject()
            .Select(p => p.Key).ShouldBe(["schema"]);
    }

    [Fact]
    public void Serialize_MessagesWithChunksToolCallsAndNullContent_WritesInputShape()
    {
        var request = Minimal() with
        {
            Messages =
            [
                ChatRequestMessage.User(MessageContent.FromParts(
                    new ChatMessageContentTextChunk { Text = "What is this?" },
                    new ChatMessageContentImageChunk { ImageUrl = ContentUrl.FromUrl("https://example.com/a.png") })),
                new ChatRequestMessage
                {
                    Role = ChatMessageRole.Assistant,
                    ToolCalls = [new ToolCall { Id = "call_1", Type = "function", Function = new ToolCallFunction { Name = "f", Arguments = "{}" } }],
                },
                ChatRequestMessage.Tool("call_1", "42"),
            ],
        };

        Node(request)["messages"]!.ToJsonString().ShouldBe(
            "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}," +
            "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}," +
            "{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_1\"}]");
    }

    [Fact]
    public void Serialize_AdditionalProperties_WritesThemNextToTypedOnes()
    {
        var request = Minimal() with
        {
            AdditionalProperties = new Dictionary<string, JsonElement> { ["safe_search"] = Parse("true"), ["ranking"] = Parse("""{"a":1}""") },
            WebSearchOptions = new WebSearchOptions { AdditionalProperties = new Dictionary<string, JsonElement> { ["future_knob"] = Parse("\"x\"") } },
        };

        var node = Node(request);

        node["safe_search"]!.GetValue<bool>().ShouldBeTrue();
        node["ranking"]!.ToJsonString().ShouldBe("""{"a":1}""");
        node["web_search_options"]!.ToJsonString().ShouldBe("""{"future_knob":"x"}""");
    }

    [Fact]
    public void Deserialize_UnknownParameter_LandsInAdditionalPropertiesAndRoundTrips()
    {
        const string json = """{"model":"sonar","messages":[{"role":"user","content":"q","future":1}],"search_mode":"patents","brand_new":[1,2]}""";

        var request = PerplexityJson.Deserialize<ChatCompletionRequest>(json);

        request.SearchMode.ShouldBe(new SearchMode("patents"));
        request.AdditionalProperties!["brand_new"].GetRawText().ShouldBe("[1,2]");
        request.Messages[0].AdditionalProperties!.ShouldContainKey("future");
        PerplexityJson.Serialize(request).ShouldBeEquivalentJson(json);
    }

    public static TheoryData<object, string> EnumValues() => new()
    {
        { SearchMode.Web, "web" }, { SearchMode.Academic, "academic" }, { SearchMode.Sec, "sec" },
        { SearchRecencyFilter.Hour, "hour" }, { SearchRecencyFilter.Day, "day" }, { SearchRecencyFilter.Week, "week" },
        { SearchRecencyFilter.Month, "month" }, { SearchRecencyFilter.Year, "year" },
        { SearchContextSize.Low, "low" }, { SearchContextSize.Medium, "medium" }, { SearchContextSize.High, "high" },
        { SearchType.Fast, "fast" }, { SearchType.Pro, "pro" }, { SearchType.Auto, "auto" },
        { StreamMode.Full, "full" }, { StreamMode.Concise, "concise" },
        { ReasoningEffort.Minimal, "minimal" }, { ReasoningEffort.Low, "low" }, { ReasoningEffort.Medium, "medium" }, { ReasoningEffort.High, "high" },
        { ToolChoice.None, "none" }, { ToolChoice.Auto, "auto" }, { ToolChoice.Required, "required" },
        { ResponseFormatType.Text, "text" }, { ResponseFormatType.JsonSchema, "json_schema" }, { ResponseFormatType.Regex, "regex" },
    };

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void ToString_KnownEnumValue_IsDocumentedWireValue(object value, string wire) => value.ToString().ShouldBe(wire);

    [Fact]
    public void Equals_EnumValuesDifferingInCase_AreEqual()
    {
        new ReasoningEffort("HIGH").ShouldBe(ReasoningEffort.High);
        (new SearchMode("Academic") == SearchMode.Academic).ShouldBeTrue();
        new ToolChoice("auto").GetHashCode().ShouldBe(new ToolChoice("AUTO").GetHashCode());
        Should.Throw<ArgumentNullException>(() => new StreamMode(null!));
    }

    [Theory]
    [InlineData(2025, 3, 1, "03/01/2025")]
    [InlineData(1999, 12, 31, "12/31/1999")]
    public void Format_Date_WritesMonthDayYear(int year, int month, int day, string expected)
    {
        SearchDateFilter.Format(new DateTime(year, month, day, 23, 59, 0, DateTimeKind.Utc)).ShouldBe(expected);
        SearchDateFilter.Format(new DateOnly(year, month, day)).ShouldBe(expected);
        SearchDateFilter.Format(new DateTimeOffset(year, month, day, 1, 0, 0, TimeSpan.FromHours(-8))).ShouldBe(expected);
    }

    [Fact]
    public void FromList_NullItem_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => StopSequences.FromList(["a", null!]));
        Should.Throw<ArgumentNullException>(() => StopSequences.FromString(null!));
    }

    private static ChatCompletionRequest Minimal() => new() { Model = "sonar", Messages = [ChatRequestMessage.User("q")] };

    private static JsonObject Node(ChatCompletionRequest request) => JsonNode.Parse(PerplexityJson.Serialize(request))!.AsObject();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
