using System.Text.Json;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentToolChoiceTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("auto")]
    [InlineData("required")]
    [InlineData("something_new")]
    public void Mode_RoundTripsAsAString(string mode)
    {
        var json = JsonSerializer.Serialize(mode);

        var choice = PerplexityJson.Deserialize<AgentToolChoice>(json);

        choice.Mode.ShouldBe(mode);
        choice.Json.ShouldBeNull();
        PerplexityJson.Serialize(choice).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{"type":"web_search"}""")]
    [InlineData("""{"type":"image_search"}""")]
    [InlineData("""{"name":"my_fn"}""")]
    [InlineData("""{"type":"required"}""")]
    [InlineData("""{"type":"function","name":"f","extra":[1,2.50]}""")]
    public void ObjectForm_RoundTripsUnchanged(string json)
    {
        var choice = PerplexityJson.Deserialize<AgentToolChoice>(json);

        choice.Mode.ShouldBeNull();
        choice.Json!.Value.ValueKind.ShouldBe(JsonValueKind.Object);
        PerplexityJson.Serialize(choice).ShouldBe(json);
        choice.ToString().ShouldBe(json);
    }

    [Fact]
    public void Helpers_WriteTheDocumentedObjects()
    {
        PerplexityJson.Serialize(AgentToolChoice.ForTool("web_search")).ShouldBe("""{"type":"web_search"}""");
        PerplexityJson.Serialize(AgentToolChoice.ForFunction("say \"hi\"")).ShouldBe("""{"name":"say \u0022hi\u0022"}""");
        PerplexityJson.Serialize(AgentToolChoice.Required).ShouldBe("\"required\"");
        PerplexityJson.Serialize<AgentToolChoice>("none").ShouldBe("\"none\"");
    }

    [Fact]
    public void Equals_ComparesModesIgnoringCaseAndObjectsByText()
    {
        AgentToolChoice.FromMode("AUTO").ShouldBe(AgentToolChoice.Auto);
        AgentToolChoice.FromMode("AUTO").GetHashCode().ShouldBe(AgentToolChoice.Auto.GetHashCode());
        AgentToolChoice.ForTool("web_search").ShouldBe(AgentToolChoice.FromJson(JsonDocument.Parse("""{"type":"web_search"}""").RootElement));
        AgentToolChoice.ForTool("web_search").GetHashCode().ShouldBe(AgentToolChoice.FromJson(JsonDocument.Parse("""{"type":"web_search"}""").RootElement).GetHashCode());
        AgentToolChoice.ForTool("web_search").ShouldNotBe(AgentToolChoice.ForTool("image_search"));
        AgentToolChoice.ForTool("auto").ShouldNotBe(AgentToolChoice.Auto);
        AgentToolChoice.Auto.ShouldNotBe(AgentToolChoice.ForTool("auto"));
        AgentToolChoice.FromJson(JsonDocument.Parse("\"none\"").RootElement).ShouldBe(AgentToolChoice.None);
    }

    [Fact]
    public void Factories_InvalidArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => AgentToolChoice.FromMode(null!));
        Should.Throw<ArgumentNullException>(() => AgentToolChoice.ForTool(null!));
        Should.Throw<ArgumentNullException>(() => AgentToolChoice.ForFunction(null!));
        Should.Throw<ArgumentException>(() => AgentToolChoice.FromJson(JsonDocument.Parse("[]").RootElement)).ParamName.ShouldBe("json");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentToolChoice>("[]"));
    }
}
