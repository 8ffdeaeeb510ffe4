using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentRequestSerializationTests
{
    private static readonly JsonElement Schema = Parse("""{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}""");

    [Fact]
    public void Serialize_MinimalPresetRequest_WritesOnlyInputAndPreset()
    {
        var request = new AgentRequest { Input = "Why is the sky blue?", Preset = AgentPreset.Fast };

        PerplexityJson.Serialize(request).ShouldBe("""{"input":"Why is the sky blue?","preset":"fast"}""");
    }

    [Fact]
    public void Serialize_MinimalModelRequest_WritesOnlyInputAndModel()
    {
        var request = new AgentRequest { Input = "Hi", Model = "openai/gpt-5.2" };

        PerplexityJson.Serialize(request).ShouldBe("""{"input":"Hi","model":"openai/gpt-5.2"}""");
    }

    [Fact]
    public void Serialize_FalseAndZero_AreWrittenBecauseTheyAreSet()
    {
        var request = new AgentRequest { Input = "Hi", Preset = AgentPreset.Low, Background = false, Store = false, Temperature = 0, MaxToolCalls = 0 };

        PerplexityJson.Serialize(request).ShouldBe("""{"input":"Hi","preset":"low","temperature":0,"store":false,"background":false,"max_tool_calls":0}""");
    }

    [Fact]
    public void Serialize_EveryField_WritesTheDocumentedWireNames()
    {
        var json = JsonNode.Parse(PerplexityJson.Serialize(EveryField()))!.AsObject();

        json.Select(p => p.Key).ShouldBe(
        [
            "input", "model", "models", "preset", "profile", "instructions", "previous_response_id", "reasoning",
            "max_output_tokens", "max_steps", "tools", "tool_choice", "response_format", "language_preference", "temperature",
            "top_p", "store", "background", "stream", "skills", "max_tool_calls", "metadata", "truncation",
            "parallel_tool_calls", "stream_options", "prompt_cache_key", "service_tier", "safety_identifier",
        ]);
        json.ToJsonString().ShouldNotContain("null");
    }

    [Fact]
    public void Serialize_EveryField_WritesTheDocumentedShapes()
    {
        var written = PerplexityJson.Serialize(EveryField());

        written.ShouldBeEquivalentJson("""
            {
              "input": [
                {"type":"message","role":"system","content":"Answer briefly."},
                {"type":"message","role":"user","content":[
                  {"type":"input_text","text":"What is in this picture?"},
                  {"type":"input_image","image_url":"https://example.com/a.png"},
                  {"type":"input_file","filename":"report.pdf","file_url":"https://example.com/report.pdf"},
                  {"type":"input_file","file_data":"JVBERi0x"}]},
                {"type":"message","role":"assistant","content":"A cat."},
                {"type":"message","role":"developer","content":"Cite sources."},
                {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}","thought_signature":"sig"},
                {"type":"function_call_output","call_id":"call_1","output":"18C","name":"get_weather","id":"fco_1","status":"completed","thought_signature":"sig"},
                {"type":"function_call_output","call_id":"call_2","output":[{"type":"input_text","text":"see image"},{"type":"input_image","image_url":"data:image/png;base64,AA==","detail":"low"}]},
                {"type":"reasoning","summary":[]}
              ],
              "model": "openai/gpt-5.2",
              "models": ["openai/gpt-5.2", "anthropic/claude-sonnet-4-6"],
              "preset": "medium",
              "profile": {"type":"custom","id":"prof_1","version":"3"},
              "instructions": "Be precise.",
              "previous_response_id": "resp_prev",
              "reasoning": {"effort":"xhigh"},
              "max_output_tokens": 4000,
              "max_steps": 12,
              "tools": [
                {"type":"web_search","filters":{"search_domain_filter":["gov.uk","-reddit.com"],"search_recency_filter":"month","search_after_date_filter":"01/01/2026","search_before_date_filter":"10/01/2026","last_updated_after_filter":"02/01/2026","last_updated_before_filter":"09/30/2026"},
                 "search_type":"fast","search_context_size":"high","max_results":20,"max_tokens":8000,"max_tokens_per_page":1024,
                 "user_location":{"city":"Leeds","country":"GB","region":"West Yorkshire","latitude":53.8,"longitude":-1.55}},
                {"type":"image_search","max_results":5,"filters":{"domain_filter":["-gettyimages.com"],"format_filter":["png","jpeg"],"safe_search":true}},
                {"type":"fetch_url","max_urls":3},
                {"type":"finance_search"},
                {"type":"people_search"},
                {"type":"sandbox"},
                {"type":"function","name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]},"strict":true},
                {"type":"mcp","server_label":"crm","server_url":"https://mcp.example.com/mcp","authorization":"tok","headers":{"X-Team":"a"},"allowed_tools":["find"],"defer_loading":true},
                {"type":"connector","id":"conn_1","server_label":"drive","server_description":"Team drive","allowed_tools":["search"]},
                {"type":"code_review","depth":2}
              ],
              "tool_choice": {"type":"web_search"},
              "response_format": {"type":"json_schema","json_schema":{"name":"verdict","schema":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]},"description":"The verdict","strict":true}},
              "language_preference": "en",
              "temperature": 0.2,
              "top_p": 0.9,
              "store": true,
              "background": true,
              "stream": false,
              "skills": [{"type":"builtin","name":"office/docx"},{"type":"inline","name":"tone","description":"House tone","instructions":"Write plainly."},{"type":"custom","id":"skill_1","version":"latest"}],
              "max_tool_calls": 10,
              "metadata": {"team":"research"},
              "truncation": "auto",
              "parallel_tool_calls": false,
              "stream_options": {"include_usage":false},
              "prompt_cache_key": "cache-1",
              "service_tier": "default",
              "safety_identifier": "user-42"
            }
            """);
    }

    [Fact]
    public void RoundTrip_EveryField_ReadsBackAnEquivalentRequest()
    {
        var written = PerplexityJson.Serialize(EveryField());

        var read = PerplexityJson.Deserialize<AgentRequest>(written);

        PerplexityJson.Serialize(read).ShouldBe(written);
        read.Input.Items[7].ShouldBeOfType<AgentUnknownInputItem>().Type.ShouldBe("reasoning");
        read.Tools![9].ShouldBeOfType<AgentUnknownTool>().Type.ShouldBe("code_review");
        read.Tools[0].ShouldBeOfType<AgentWebSearchTool>().Filters!.SearchRecencyFilter.ShouldBe(SearchRecencyFilter.Month);
        read.AdditionalProperties!.Keys.ShouldBe(["safety_identifier"]);
    }

    [Fact]
    public void Serialize_OptInFields_AreAbsentUnlessSet()
    {
        var json = PerplexityJson.Serialize(new AgentRequest { Input = "x", Preset = AgentPreset.High, MaxSteps = 3, Reasoning = new AgentReasoning() });

        json.ShouldBe("""{"input":"x","preset":"high","reasoning":{},"max_steps":3}""");
        foreach (var optIn in new[] { "max_tool_calls", "metadata", "truncation", "parallel_tool_calls", "stream_options", "prompt_cache_key", "service_tier" })
        {
            json.ShouldNotContain(optIn);
        }
    }

    [Fact]
    public void Serialize_AdditionalProperties_AreWrittenAtTheTopLevelAndInNestedModels()
    {
        var request = new AgentRequest
        {
            Input = "x",
            Preset = AgentPreset.Fast,
            Tools = [AgentTool.FetchUrl() with { AdditionalProperties = new Dictionary<string, JsonElement> { ["total_budget_tokens"] = Parse("120000") } }],
            AdditionalProperties = new Dictionary<string, JsonElement> { ["new_field"] = Parse("""{"a":[1,2]}""") },
        };

        PerplexityJson.Serialize(request).ShouldBe("""{"input":"x","preset":"fast","tools":[{"type":"fetch_url","total_budget_tokens":120000}],"new_field":{"a":[1,2]}}""");
    }

    [Fact]
    public void Serialize_ToolHelpers_WriteTheirTypes()
    {
        var request = new AgentRequest
        {
            Input = "x",
            Model = "m",
            Tools = [AgentTool.WebSearch(), AgentTool.FetchUrl(2), AgentTool.Function("f")],
            ToolChoice = AgentToolChoice.ForFunction("f"),
        };

        PerplexityJson.Serialize(request).ShouldBe(
            """{"input":"x","model":"m","tools":[{"type":"web_search"},{"type":"fetch_url","max_urls":2},{"type":"function","name":"f"}],"tool_choice":{"name":"f"}}""");
    }

    [Fact]
    public void Deserialize_MessageWithoutType_ReadsAsAMessageAndWritesTheType()
    {
        var request = PerplexityJson.Deserialize<AgentRequest>("""{"input":[{"role":"user","content":"Hi"}],"preset":"fast"}""");

        var message = request.Input.Items.ShouldHaveSingleItem().ShouldBeOfType<AgentMessageInputItem>();
        message.Role.ShouldBe(AgentMessageRole.User);
        PerplexityJson.Serialize(request).ShouldBe("""{"input":[{"type":"message","role":"user","content":"Hi"}],"preset":"fast"}""");
    }

    [Theory]
    [InlineData("""{"input":5,"preset":"fast"}""", "'input'")]
    [InlineData("""{"input":[null],"preset":"fast"}""", "Element 0 of 'input'")]
    [InlineData("""{"input":[{"type":"message","role":"user","content":[null]}],"preset":"fast"}""", "Element 0 of the content")]
    [InlineData("""{"input":"x","tools":[null]}""", "Element 0 of 'tools'")]
    [InlineData("""{"input":"x","tools":[{"max_urls":2}]}""", "A tool has no 'type'")]
    [InlineData("""{"input":"x","tools":[{"type":5}]}""", "'type' of a tool")]
    [InlineData("""{"input":"x","tool_choice":5}""", "tool choice")]
    [InlineData("""{"input":"x","models":[null]}""", "Element 0 of 'models'")]
    public void Deserialize_MalformedRequest_ThrowsJsonExceptionNamingTheProblem(string json, string expected)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentRequest>(json)).Message.ShouldContain(expected);
    }

    private static AgentRequest EveryField() => new()
    {
        Input =
        [
            AgentInputItem.SystemMessage("Answer briefly."),
            AgentInputItem.UserMessage(
            [
                new AgentInputTextPart { Text = "What is in this picture?" },
                new AgentInputImagePart { ImageUrl = "https://example.com/a.png" },
                new AgentInputFilePart { Filename = "report.pdf", FileUrl = "https://example.com/report.pdf" },
                new AgentInputFilePart { FileData = "JVBERi0x" },
            ]),
            AgentInputItem.AssistantMessage("A cat."),
            AgentInputItem.DeveloperMessage("Cite sources."),
            new AgentFunctionCallInputItem { CallId = "call_1", Name = "get_weather", Arguments = """{"city":"Paris"}""", ThoughtSignature = "sig" },
            AgentInputItem.FunctionCallOutput("call_1", "18C") with { Name = "get_weather", Id = "fco_1", Status = "completed", ThoughtSignature = "sig" },
            AgentInputItem.FunctionCallOutput("call_2", [new AgentInputTextPart { Text = "see image" }, new AgentInputImagePart { ImageUrl = "data:image/png;base64,AA==", Detail = "low" }]),
            new AgentUnknownInputItem(Parse("""{"type":"reasoning","summary":[]}""")),
        ],
        Model = "openai/gpt-5.2",
        Models = ["openai/gpt-5.2", "anthropic/claude-sonnet-4-6"],
        Preset = AgentPreset.Medium,
        Profile = new AgentProfile { Id = "prof_1", Version = "3" },
        Instructions = "Be precise.",
        PreviousResponseId = "resp_prev",
        Reasoning = new AgentReasoning { Effort = AgentReasoningEffort.XHigh },
        MaxOutputTokens = 4000,
        MaxSteps = 12,
        Tools =
        [
            new AgentWebSearchTool
            {
                Filters = new AgentWebSearchFilters
                {
                    SearchDomainFilter = ["gov.uk", "-reddit.com"],
                    SearchRecencyFilter = SearchRecencyFilter.Month,
                    SearchAfterDateFilter = "01/01/2026",
                    SearchBeforeDateFilter = "10/01/2026",
                    LastUpdatedAfterFilter = "02/01/2026",
                    LastUpdatedBeforeFilter = "09/30/2026",
                },
                SearchType = AgentSearchType.Fast,
                SearchContextSize = SearchContextSize.High,
                MaxResults = 20,
                MaxTokens = 8000,
                MaxTokensPerPage = 1024,
                UserLocation = new AgentUserLocation { City = "Leeds", Country = "GB", Region = "West Yorkshire", Latitude = 53.8, Longitude = -1.55 },
            },
            new AgentImageSearchTool { MaxResults = 5, Filters = new AgentImageSearchFilters { DomainFilter = ["-gettyimages.com"], FormatFilter = ["png", "jpeg"], SafeSearch = true } },
            new AgentFetchUrlTool { MaxUrls = 3 },
            new AgentFinanceSearchTool(),
            new AgentPeopleSearchTool(),
            new AgentSandboxTool(),
            AgentTool.Function("get_weather", "Current weather", Schema) with { Strict = true },
            new AgentMcpTool
            {
                ServerLabel = "crm", ServerUrl = "https://mcp.example.com/mcp", Authorization = "tok",
                Headers = new Dictionary<string, string> { ["X-Team"] = "a" }, AllowedTools = ["find"], DeferLoading = true,
            },
            new AgentConnectorTool { Id = "conn_1", ServerLabel = "drive", ServerDescription = "Team drive", AllowedTools = ["search"] },
            new AgentUnknownTool(Parse("""{"type":"code_review","depth":2}""")),
        ],
        ToolChoice = AgentToolChoice.ForTool("web_search"),
        ResponseFormat = AgentResponseFormat.ForJsonSchema("verdict", Schema, "The verdict", strict: true),
        LanguagePreference = "en",
        Temperature = 0.2,
        TopP = 0.9,
        Store = true,
        Background = true,
        Stream = false,
        Skills = [AgentSkill.Builtin("office/docx"), AgentSkill.Inline("tone", "House tone", "Write plainly."), AgentSkill.Custom("skill_1", "latest")],
        MaxToolCalls = 10,
        Metadata = new Dictionary<string, string> { ["team"] = "research" },
        Truncation = AgentTruncation.Auto,
        ParallelToolCalls = false,
        StreamOptions = new AgentStreamOptions { IncludeUsage = false },
        PromptCacheKey = "cache-1",
        ServiceTier = "default",
        AdditionalProperties = new Dictionary<string, JsonElement> { ["safety_identifier"] = Parse("\"user-42\"") },
    };

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
