using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization.Agent;

/// <summary>
/// The hand-written Response converter reads and writes as the generated metadata did: any member order, escaped names,
/// repeats, unknown members, nulls, and a typed error naming the member for every value of the wrong kind.
/// </summary>
public sealed class AgentResponseConverterTests
{
    private static readonly JsonSerializerOptions OneByteBuffer = new(PerplexityJson.Options) { DefaultBufferSize = 1 };

    public static TheoryData<string> Responses() => new(AgentFixture.Responses);

    [Theory]
    [MemberData(nameof(Responses))]
    public void Deserialize_MembersInReverseOrder_ReadsTheSameResponse(string name)
    {
        var original = JsonNode.Parse(AgentFixture.Read(name))!.AsObject();
        var reversed = new JsonObject(original.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        var response = PerplexityJson.Deserialize<AgentResponse>(reversed.ToJsonString());

        PerplexityJson.Serialize(response).ShouldBe(PerplexityJson.Serialize(AgentFixture.Response(name)));
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void DeserializeAsync_OneByteBuffer_ReadsAsFromAString(string name)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(AgentFixture.Read(name)));

        var response = JsonSerializer.Deserialize<AgentResponse>(stream, OneByteBuffer)!;

        PerplexityJson.Serialize(response).ShouldBe(PerplexityJson.Serialize(AgentFixture.Response(name)));
    }

    [Fact]
    public void Deserialize_EscapedNames_ReadsTheMembers()
    {
        const string json = """{"\u0069d":"resp_1","object":"response","created_at":1,"st\u0061tus":"completed","model":"m","output":[],"us\u0065r":"u"}""";

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.Id.ShouldBe("resp_1");
        response.Status.ShouldBe(AgentResponseStatus.Completed);
        response.User.ShouldBe("u");
        response.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_RepeatedMember_TakesTheLastValue()
    {
        const string json = """{"id":"resp_1","object":"response","created_at":1,"status":"queued","model":"m","output":[],"status":"completed","temperature":0.5,"temperature":0.7}""";

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.Status.ShouldBe(AgentResponseStatus.Completed);
        response.Temperature.ShouldBe(0.7);
    }

    [Fact]
    public void Deserialize_UnknownMembers_KeepsThemAndWritesThemAfterTheEnvelope()
    {
        const string json = """{"conversation":{"id":"c1"},"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"m","output":[],"zeta":[1,2]}""";

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.AdditionalProperties!.Keys.ShouldBe(["conversation", "zeta"], ignoreOrder: true);
        var keys = JsonNode.Parse(PerplexityJson.Serialize(response))!.AsObject().Select(p => p.Key).ToList();
        keys.Take(32).ShouldBe(AgentFixture.EnvelopeKeys);
        keys.Skip(32).ShouldBe(["conversation", "zeta"]);
    }

    [Fact]
    public void Deserialize_NullDefaults_ReadAsTheirDefaults()
    {
        const string json = """{"id":"resp_1","object":null,"created_at":1,"status":"queued","model":"medium","output":null,"background":null,"completed_at":null,"metadata":null,"reasoning":null,"tool_choice":null,"truncation":null,"usage":null,"error":null}""";

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.ObjectType.ShouldBe("response");
        response.Output.ShouldBeEmpty();
        response.Background.ShouldBeNull();
        response.CompletedAt.ShouldBeNull();
        response.Reasoning.ShouldBeNull();
        response.ToolChoice.ShouldBeNull();
        response.Truncation.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_FractionalTimestamp_ReadsMilliseconds()
    {
        const string json = """{"id":"resp_1","object":"response","created_at":1764000000.25,"completed_at":1764000001.5,"status":"completed","model":"m","output":[]}""";

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.CreatedAt.ToUnixTimeMilliseconds().ShouldBe(1_764_000_000_250);
        response.CompletedAt!.Value.ToUnixTimeMilliseconds().ShouldBe(1_764_000_001_500);
        JsonNode.Parse(PerplexityJson.Serialize(response))!["created_at"]!.GetValue<decimal>().ShouldBe(1764000000.25m);
    }

    [Theory]
    [InlineData("id", "null", "'id'")]
    [InlineData("id", "5", "'id'")]
    [InlineData("model", "null", "'model'")]
    [InlineData("model", "[]", "'model'")]
    [InlineData("object", "1", "'object'")]
    [InlineData("output", "{}", "'output'")]
    [InlineData("output", "[null]", "Element 0 of 'output'")]
    [InlineData("output", "[1]", "output item")]
    [InlineData("status", "null", "AgentResponseStatus")]
    [InlineData("status", "1", "AgentResponseStatus")]
    [InlineData("created_at", "null", "Unix timestamp")]
    [InlineData("created_at", "\"2025-01-01\"", "Unix timestamp")]
    [InlineData("completed_at", "true", "Unix timestamp")]
    [InlineData("background", "\"yes\"", "'background'")]
    [InlineData("store", "1", "'store'")]
    [InlineData("parallel_tool_calls", "{}", "'parallel_tool_calls'")]
    [InlineData("temperature", "\"1\"", "'temperature'")]
    [InlineData("top_p", "true", "'top_p'")]
    [InlineData("frequency_penalty", "[]", "'frequency_penalty'")]
    [InlineData("presence_penalty", "\"0\"", "'presence_penalty'")]
    [InlineData("max_output_tokens", "1.5", "'max_output_tokens'")]
    [InlineData("max_tool_calls", "\"3\"", "'max_tool_calls'")]
    [InlineData("top_logprobs", "99999999999", "'top_logprobs'")]
    [InlineData("instructions", "1", "'instructions'")]
    [InlineData("previous_response_id", "{}", "'previous_response_id'")]
    [InlineData("prompt_cache_key", "true", "'prompt_cache_key'")]
    [InlineData("safety_identifier", "[]", "'safety_identifier'")]
    [InlineData("service_tier", "1", "'service_tier'")]
    [InlineData("user", "false", "'user'")]
    [InlineData("truncation", "1", "AgentTruncation")]
    [InlineData("tool_choice", "1", "tool choice")]
    [InlineData("metadata", "{\"a\":1}", "")]
    [InlineData("reasoning", "\"high\"", "")]
    [InlineData("usage", "[]", "")]
    [InlineData("error", "\"boom\"", "")]
    [InlineData("incomplete_details", "7", "")]
    public void Deserialize_MemberOfTheWrongKind_ThrowsJsonExceptionNamingIt(string member, string value, string named)
    {
        var node = JsonNode.Parse(AgentFixture.Read("completed.json"))!.AsObject();
        node[member] = JsonNode.Parse(value);

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>(node.ToJsonString()));

        ex.Message.ShouldContain(named);
    }

    [Theory]
    [InlineData("""{"effort":"high","summary":null}""", "high", "summary")]
    [InlineData("""{"summary":"auto","effort":null,"generate_summary":true}""", null, "summary,generate_summary")]
    [InlineData("""{"eff\u006frt":"max"}""", "max", "")]
    [InlineData("""{}""", null, "")]
    public void Deserialize_EchoedReasoning_ReadsEffortAndKeepsTheRest(string reasoning, string? effort, string kept)
    {
        var response = PerplexityJson.Deserialize<AgentResponse>(WithReasoning(reasoning));

        response.Reasoning!.Effort?.ToString().ShouldBe(effort);
        (response.Reasoning.AdditionalProperties?.Keys ?? []).ShouldBe(kept.Split(',', StringSplitOptions.RemoveEmptyEntries), ignoreOrder: true);
        JsonNode.Parse(PerplexityJson.Serialize(response))!["reasoning"]!.ToJsonString().ShouldBeEquivalentJson(reasoning.Replace("\\u006f", "o", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"effort":5}""")]
    [InlineData("""{"effort":{}}""")]
    [InlineData("""[]""")]
    public void Deserialize_EchoedReasoningOfTheWrongShape_ThrowsJsonException(string reasoning)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>(WithReasoning(reasoning)));
    }

    // The queued fixture with its reasoning replaced by the raw text (a JsonNode would unescape the names).
    private static string WithReasoning(string reasoning)
    {
        var node = JsonNode.Parse(AgentFixture.Read("queued.json"))!.AsObject();
        node["reasoning"] = "REASONING";
        return node.ToJsonString().Replace("\"REASONING\"", reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NotAnObject_ThrowsJsonException()
    {
        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentResponse>("[]"));

        ex.Message.ShouldContain("Agent API response");
    }

    [Fact]
    public void Serialize_FactoryResponseWithEveryMemberSet_RoundTrips()
    {
        var response = AgentFixture.Response("completed.json") with
        {
            Background = false,
            FrequencyPenalty = 0.25,
            Instructions = "Be brief \"always\".",
            MaxOutputTokens = 100,
            MaxToolCalls = 3,
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
            ParallelToolCalls = false,
            PresencePenalty = -0.5,
            PreviousResponseId = "resp_0",
            PromptCacheKey = "cache",
            SafetyIdentifier = "safe",
            ServiceTier = "priority",
            Store = false,
            Temperature = 0.2,
            TopLogprobs = 2,
            TopP = 0.9,
            Truncation = AgentTruncation.Auto,
            User = "user-1",
        };

        var again = PerplexityJson.Deserialize<AgentResponse>(PerplexityJson.Serialize(response));

        PerplexityJson.Serialize(again).ShouldBe(PerplexityJson.Serialize(response));
        again.Instructions.ShouldBe("Be brief \"always\".");
        again.Metadata!["k"].ShouldBe("v");
        again.TopLogprobs.ShouldBe(2);
        again.Truncation.ShouldBe(AgentTruncation.Auto);
        again.OutputText.ShouldBe(response.OutputText);
    }
}
