using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentValidationTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Theory]
    [InlineData("""{"input":"q","preset":"fast","temperatur":1}""", "temperatur")]
    [InlineData("""{"input":"q","preset":"fast","text":{"format":{"type":"text"}}}""", "text")]
    [InlineData("""{"input":"q","preset":"fast","reasoning":{"effort":"low","summary":"auto"}}""", "summary")]
    [InlineData("""{"input":"q","preset":"fast","tools":[{"type":"web_search","filters":{"recency":"day"}}]}""", "recency")]
    [InlineData("""{"input":"q","preset":"fast","tools":[{"type":"fetch_url","max_results":3}]}""", "max_results")]
    [InlineData("""{"input":[{"type":"message","role":"user","content":"q","name":"me"}],"preset":"fast"}""", "name")]
    [InlineData("""{"input":[{"role":"user","content":[{"type":"input_text","text":"q","lang":"en"}]}],"preset":"fast"}""", "lang")]
    [InlineData("""{"input":"q","preset":"fast","response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{},"format":1}}}""", "format")]
    public async Task Create_UnknownOrMisplacedField_Answers400NamingIt(string body, string field)
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, $"invalid request body: json: unknown field \"{field}\"", "invalid_request", field);
    }

    [Fact]
    public async Task Create_WrongJsonType_Answers400NamingTheField()
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, """{"input":"q","preset":"fast","background":"yes"}""");

        answer.ShouldBeError(HttpStatusCode.BadRequest,
            "invalid request body: json: cannot unmarshal string into Go struct field ResponsesRequest.background of type bool", "invalid_request", "background");
    }

    [Theory]
    [InlineData("", "invalid request body: EOF")]
    [InlineData("[1]", "invalid request body: json: cannot unmarshal array into Go value of type ResponsesRequest")]
    public async Task Create_BodyNotAnObject_Answers400(string body, string message)
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, message, "invalid_request");
    }

    [Theory]
    [InlineData("""{"preset":"fast"}""", "validation failed: input array cannot be empty")]
    [InlineData("""{"input":[],"preset":"fast"}""", "validation failed: input array cannot be empty")]
    [InlineData("""{"input":42,"preset":"fast"}""", "validation failed: input array cannot be empty")]
    [InlineData("""{"input":null,"preset":"fast"}""", "validation failed: input array cannot be empty")]
    [InlineData("""{"input":"  ","preset":"fast"}""", "validation failed: input cannot be empty")]
    public async Task Create_MissingOrEmptyInput_Answers400(string body, string message)
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, message, "invalid_request", "input");
    }

    [Fact]
    public async Task Create_InputMessages_TakeTheLastUserMessageAsThePrompt()
    {
        var body = new JsonObject
        {
            ["preset"] = "fast",
            ["background"] = true,
            ["input"] = new JsonArray(
                new JsonObject { ["type"] = "message", ["role"] = "system", ["content"] = "Be precise." },
                new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "Battery storage costs?" }) }),
        };

        await _harness.CreateAsync(body);

        _harness.Emulator.AgentRuns.ShouldHaveSingleItem().Prompt.ShouldBe("Battery storage costs?");
    }

    [Fact]
    public async Task Create_AnthropicModelWithoutMaxOutputTokens_Answers400()
    {
        var answer = await _harness.PostAsync(AgentHarness.Agent, AgentHarness.Body(preset: null, model: "anthropic/claude-sonnet-4-5"));
        var body = AgentHarness.Body(preset: null, model: "anthropic/claude-sonnet-4-5");
        body["max_output_tokens"] = 1000;
        var accepted = await _harness.PostAsync(AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "validation failed: max_output_tokens is required when using Anthropic models", "invalid_request", "max_output_tokens");
        accepted.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(0, HttpStatusCode.BadRequest)]
    [InlineData(1, HttpStatusCode.OK)]
    [InlineData(101, HttpStatusCode.OK)]
    public async Task Create_MaxSteps_MustBeAtLeastOne(int maxSteps, HttpStatusCode expected)
    {
        var body = AgentHarness.Body();
        body["max_steps"] = maxSteps;

        var answer = await _harness.PostAsync(AgentHarness.Agent, body);

        answer.Status.ShouldBe(expected);
        if (expected == HttpStatusCode.BadRequest)
        {
            answer.ShouldBeError(HttpStatusCode.BadRequest, "validation failed: max steps must be at least 1", "invalid_request", "max_steps");
        }
    }

    [Theory]
    [InlineData("""{"input":"q","model":"sonar-deep-research"}""", "model \"sonar-deep-research\" is not supported", "model")]
    [InlineData("""{"input":"q","preset":"ultra"}""", "preset \"ultra\" is not supported", "preset")]
    [InlineData("""{"input":"q","models":["openai/gpt-5.2","acme/nope"]}""", "model \"acme/nope\" is not supported", "models")]
    public async Task Create_UnknownModelOrPreset_Answers400InvalidModel(string body, string message, string param)
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, message, "invalid_model", param);
    }

    [Theory]
    [InlineData("""{"input":"q"}""", "validation failed: one of model, models or preset is required", "model")]
    [InlineData("""{"input":"q","models":[]}""", "validation failed: models must contain between 1 and 5 models", "models")]
    [InlineData("""{"input":"q","models":["perplexity/sonar","perplexity/sonar","perplexity/sonar","perplexity/sonar","perplexity/sonar","perplexity/sonar"]}""", "validation failed: models must contain between 1 and 5 models", "models")]
    [InlineData("""{"input":"q","preset":"low","profile":{"type":"custom","id":"p1"}}""", "validation failed: profile cannot be combined with preset", "profile")]
    [InlineData("""{"input":"q","preset":"low","response_format":{"type":"json_schema"}}""", "validation failed: response_format.json_schema is required when type is \"json_schema\"", "json_schema")]
    [InlineData("""{"input":"q","preset":"low","reasoning":{"effort":"huge"}}""", "validation failed: reasoning.effort must be one of: minimal low medium high xhigh max", "effort")]
    [InlineData("""{"input":"q","preset":"low","tools":[{"type":"web_search","filters":{"search_recency_filter":"decade"}}]}""", "validation failed: tools[0]: search recency filter must be one of: hour day week month year", "search_recency_filter")]
    [InlineData("""{"input":"q","preset":"low","tools":[{"type":"function","name":"web_search"}]}""", "validation failed: tools[0]: function name \"web_search\" is reserved for a built-in tool", "name")]
    [InlineData("""{"input":"q","preset":"low","tools":[{"type":"teleport"}]}""", "invalid request body: unsupported tools type \"teleport\"", "type")]
    [InlineData("""{"input":"q","preset":"low","temperature":3}""", "validation failed: temperature must be between 0 and 2", "temperature")]
    [InlineData("""{"input":[{"role":"robot","content":"q"}],"preset":"low"}""", "validation failed: input[0]: role must be one of user, assistant, system, developer", "role")]
    public async Task Create_InvalidValue_Answers400ValidationFailed(string body, string message, string param)
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        answer.ShouldBeError(HttpStatusCode.BadRequest, message, "invalid_request", param);
    }

    [Fact]
    public async Task Create_JsonSchemaWithANonObjectRoot_Answers400InvalidParameter()
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent,
            """{"input":"q","preset":"low","response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{"type":"array"}}}}""");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "response_format.json_schema.schema must be a JSON schema whose root is an object", "invalid_parameter", "schema");
    }

    [Fact]
    public async Task Create_NullOptionalFields_AreAcceptedAsNotSent()
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent,
            """{"input":"q","preset":"fast","background":true,"instructions":null,"tools":null,"max_output_tokens":null,"reasoning":null,"model":null}""");

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Json?.ToJsonString());
        answer.Json!["instructions"].ShouldBeNull();
    }

    [Theory]
    [InlineData("max_tool_calls", "3")]
    [InlineData("metadata", """{"a":"b"}""")]
    [InlineData("truncation", "\"auto\"")]
    [InlineData("parallel_tool_calls", "false")]
    [InlineData("stream_options", """{"include_usage":false}""")]
    public async Task Create_OptInField_IsAcceptedByDefaultAndUnknownWhenTheOptionSaysSo(string field, string value)
    {
        var body = $$"""{"input":"q","preset":"fast","background":true,"{{field}}":{{value}}}""";
        using var strict = new AgentHarness(o => o.AgentAcceptsOptInFields = false);

        var accepted = await _harness.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);
        var rejected = await strict.SendAsync(HttpMethod.Post, AgentHarness.Agent, body);

        accepted.Status.ShouldBe(HttpStatusCode.OK, accepted.Json?.ToJsonString());
        rejected.ShouldBeError(HttpStatusCode.BadRequest, $"invalid request body: json: unknown field \"{field}\"", "invalid_request", field);
    }

    [Fact]
    public async Task Create_PresetAlias_IsAcceptedAndShownAsSent()
    {
        var envelope = await _harness.CreateAsync(AgentHarness.Body(preset: "deep-research"));

        envelope["model"]!.GetValue<string>().ShouldBe("deep-research");
    }

    public void Dispose() => _harness.Dispose();
}
