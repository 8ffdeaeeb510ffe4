using System.Text.Json;

namespace Perplexity.Async.Tests.Agent;

public sealed class AgentRequestValidatorTests
{
    private static readonly AgentRequest Valid = new() { Input = "Why is the sky blue?", Preset = AgentPreset.Fast };

    public static TheoryData<AgentRequest> ValidRequests() => new(
        Valid,
        new AgentRequest { Input = "x", Model = "openai/gpt-5.2" },
        new AgentRequest { Input = "x", Models = ["a/b"] },
        new AgentRequest { Input = "x", Models = ["a/1", "a/2", "a/3", "a/4", "a/5"] },
        new AgentRequest { Input = "x", Profile = new AgentProfile { Id = "prof_1" } },
        new AgentRequest { Input = " ", Preset = AgentPreset.Fast },
        new AgentRequest { Input = [AgentInputItem.UserMessage("x")], Preset = AgentPreset.Fast },
        Valid with { MaxSteps = 1, MaxOutputTokens = 1, MaxToolCalls = 0, Temperature = 0, TopP = 0 },
        Valid with { MaxSteps = 101, Temperature = 2, TopP = 1 },
        Valid with { AdditionalProperties = new Dictionary<string, JsonElement> { ["brand_new"] = Json("1") } });

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Validate_ValidRequest_DoesNotThrow(AgentRequest request)
    {
        Should.NotThrow(() => AgentRequestValidator.Validate(request, nameof(request)));
    }

    [Fact]
    public void Validate_NullRequest_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => AgentRequestValidator.Validate(null!, "request")).ParamName.ShouldBe("request");
    }

    public static TheoryData<AgentRequest, string> InvalidRequests() => new()
    {
        { Valid with { Input = null! }, "AgentRequest.Input is required; it is null" },
        { Valid with { Input = "" }, "AgentRequest.Input is an empty string" },
        { Valid with { Input = AgentInput.FromItems() }, "AgentRequest.Input is an empty list" },
        { new AgentRequest { Input = "x" }, "None of Model, Models and Preset is set" },
        { new AgentRequest { Input = "x", Model = " " }, "AgentRequest.Model is empty or whitespace" },
        { new AgentRequest { Input = "x", Preset = new AgentPreset("") }, "AgentRequest.Preset is empty" },
        { new AgentRequest { Input = "x", Models = [] }, "AgentRequest.Models has 0 models; the API takes 1 to 5" },
        { new AgentRequest { Input = "x", Models = ["a", "b", "c", "d", "e", "f"] }, "AgentRequest.Models has 6 models" },
        { new AgentRequest { Input = "x", Models = ["a", ""] }, "AgentRequest.Models[1] is null, empty or whitespace" },
        { Valid with { Profile = new AgentProfile { Id = "p" } }, "AgentRequest.Profile and Preset are both set" },
        { Valid with { MaxSteps = 0 }, "AgentRequest.MaxSteps is 0; it must be at least 1" },
        { Valid with { MaxOutputTokens = 0 }, "AgentRequest.MaxOutputTokens is 0; it must be at least 1" },
        { Valid with { MaxToolCalls = -1 }, "AgentRequest.MaxToolCalls is -1; it must be at least 0" },
        { Valid with { Temperature = 2.5 }, "AgentRequest.Temperature is 2.5; it must be between 0 and 2" },
        { Valid with { Temperature = double.NaN }, "AgentRequest.Temperature is NaN" },
        { Valid with { TopP = -0.1 }, "AgentRequest.TopP is -0.1; it must be between 0 and 1" },
        { Valid with { Tools = [AgentTool.WebSearch(), null!] }, "AgentRequest.Tools[1] is null" },
        { Valid with { Skills = [null!] }, "AgentRequest.Skills[0] is null" },
        { Valid with { AdditionalProperties = Extra("input") }, "AgentRequest.AdditionalProperties has 'input', which a typed property already writes" },
        { Valid with { AdditionalProperties = Extra("max_tool_calls") }, "AdditionalProperties has 'max_tool_calls'" },
        { Valid with { Tools = [AgentTool.FetchUrl() with { AdditionalProperties = Extra("max_urls") }] }, "AgentRequest.Tools[0].AdditionalProperties has 'max_urls'" },
        { Valid with { Tools = [AgentTool.WebSearch() with { AdditionalProperties = Extra("type") }] }, "AgentRequest.Tools[0].AdditionalProperties has 'type'" },
        { Valid with { Tools = [AgentTool.WebSearch() with { Filters = new AgentWebSearchFilters { AdditionalProperties = Extra("search_recency_filter") } }] }, "AgentRequest.Tools[0].Filters.AdditionalProperties has 'search_recency_filter'" },
        { Valid with { Tools = [AgentTool.WebSearch() with { UserLocation = new AgentUserLocation { AdditionalProperties = Extra("city") } }] }, "Tools[0].UserLocation.AdditionalProperties has 'city'" },
        { Valid with { Tools = [new AgentImageSearchTool { Filters = new AgentImageSearchFilters { AdditionalProperties = Extra("safe_search") } }] }, "Tools[0].Filters.AdditionalProperties has 'safe_search'" },
        { Valid with { Tools = [new AgentUnknownTool(Json("""{"type":"x"}""")) with { AdditionalProperties = Extra("y") }] }, "raw-JSON AgentUnknownTool" },
        { Valid with { Input = [AgentInputItem.UserMessage("x") with { AdditionalProperties = Extra("role") }] }, "AgentRequest.Input[0].AdditionalProperties has 'role'" },
        { Valid with { Input = [AgentInputItem.UserMessage([new AgentInputTextPart { Text = "x", AdditionalProperties = Extra("text") }])] }, "Input[0].Content[0].AdditionalProperties has 'text'" },
        { Valid with { Input = [AgentInputItem.FunctionCallOutput("c", [new AgentInputImagePart { ImageUrl = "u", AdditionalProperties = Extra("detail") }])] }, "Input[0].Content[0].AdditionalProperties has 'detail'" },
        { Valid with { Reasoning = new AgentReasoning { AdditionalProperties = Extra("effort") } }, "AgentRequest.Reasoning.AdditionalProperties has 'effort'" },
        { new AgentRequest { Input = "x", Profile = new AgentProfile { Id = "p", AdditionalProperties = Extra("version") } }, "AgentRequest.Profile.AdditionalProperties has 'version'" },
        { Valid with { StreamOptions = new AgentStreamOptions { AdditionalProperties = Extra("include_usage") } }, "StreamOptions.AdditionalProperties has 'include_usage'" },
        { Valid with { ResponseFormat = new AgentResponseFormat { AdditionalProperties = Extra("json_schema") } }, "ResponseFormat.AdditionalProperties has 'json_schema'" },
        { Valid with { ResponseFormat = AgentResponseFormat.ForJsonSchema("n", Json("{}")) with { JsonSchema = new AgentJsonSchemaFormat { Name = "n", Schema = Json("{}"), AdditionalProperties = Extra("strict") } } }, "ResponseFormat.JsonSchema.AdditionalProperties has 'strict'" },
        { Valid with { Skills = [AgentSkill.Builtin("office") with { AdditionalProperties = Extra("name") }] }, "AgentRequest.Skills[0].AdditionalProperties has 'name'" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Validate_InvalidRequest_ThrowsArgumentExceptionNamingTheProblem(AgentRequest request, string expected)
    {
        var ex = Should.Throw<ArgumentException>(() => AgentRequestValidator.Validate(request, nameof(request)));

        ex.ShouldNotBeOfType<ArgumentNullException>();
        ex.ParamName.ShouldBe("request");
        ex.Message.ShouldContain(expected);
    }

    private static Dictionary<string, JsonElement> Extra(string name) => new() { [name] = Json("1") };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
