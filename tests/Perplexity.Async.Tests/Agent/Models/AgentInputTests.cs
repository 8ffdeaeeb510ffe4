using System.Text.Json;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentInputTests
{
    [Fact]
    public void ImplicitString_IsTextWithOneUserMessageView()
    {
        AgentInput input = "Hi";

        input.IsText.ShouldBeTrue();
        input.Text.ShouldBe("Hi");
        var message = input.Items.ShouldHaveSingleItem().ShouldBeOfType<AgentMessageInputItem>();
        message.Role.ShouldBe(AgentMessageRole.User);
        message.Content.Text.ShouldBe("Hi");
        input.ToString().ShouldBe("Hi");
    }

    [Fact]
    public void CollectionExpression_BuildsItemInput()
    {
        AgentInput input = [AgentInputItem.SystemMessage("Be brief."), AgentInputItem.UserMessage("Hi")];

        input.IsText.ShouldBeFalse();
        input.Text.ShouldBeNull();
        input.Items.Select(i => ((AgentMessageInputItem)i).Role).ShouldBe([AgentMessageRole.System, AgentMessageRole.User]);
        var types = new List<string>();
        foreach (var item in input)
        {
            types.Add(item.Type);
        }

        types.ShouldBe(["message", "message"]);
        input.ToString().ShouldBe("2 input items");
        PerplexityJson.Serialize(new AgentRequest { Input = input, Preset = AgentPreset.Fast })
            .ShouldBe("""{"input":[{"type":"message","role":"system","content":"Be brief."},{"type":"message","role":"user","content":"Hi"}],"preset":"fast"}""");
    }

    [Fact]
    public void Equals_SameFormAndContent_IsEqual()
    {
        AgentInput.FromText("a").ShouldBe(AgentInput.FromText("a"));
        AgentInput.FromText("a").ShouldNotBe(AgentInput.FromText("A"));
        AgentInput.FromItems(AgentInputItem.UserMessage("a")).ShouldBe(AgentInput.FromItems(AgentInputItem.UserMessage("a")));
        AgentInput.FromItems(AgentInputItem.UserMessage("a")).ShouldNotBe(AgentInput.FromText("a"), "the form counts");
        AgentInput.FromItems(AgentInputItem.UserMessage("a")).GetHashCode().ShouldBe(AgentInput.FromItems(AgentInputItem.UserMessage("b")).GetHashCode());
        AgentInput.FromText("a").Equals(null).ShouldBeFalse();
    }

    [Fact]
    public void Factories_NullArguments_ThrowArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => AgentInput.FromText(null!));
        Should.Throw<ArgumentNullException>(() => AgentInput.FromItems((IEnumerable<AgentInputItem>)null!));
        Should.Throw<ArgumentNullException>(() => AgentInput.FromItems(AgentInputItem.UserMessage("a"), null!)).Message.ShouldContain("An input item is null");
        Should.Throw<ArgumentNullException>(() => AgentInputContent.FromText(null!));
        Should.Throw<ArgumentNullException>(() => AgentInputContent.FromParts((IEnumerable<AgentInputContentPart>)null!));
        Should.Throw<ArgumentNullException>(() => AgentInputContent.FromParts(new AgentInputTextPart { Text = "a" }, null!));
    }

    [Fact]
    public void Content_Parts_JoinTextAndWriteAnArray()
    {
        AgentInputContent content = [new AgentInputTextPart { Text = "A" }, new AgentInputImagePart { ImageUrl = "u" }, new AgentInputTextPart { Text = "B" }];

        content.IsText.ShouldBeFalse();
        content.Text.ShouldBe("AB");
        content.ToString().ShouldBe("AB");
        content.Parts.Count.ShouldBe(3);
        content.ShouldBe(AgentInputContent.FromParts(new AgentInputTextPart { Text = "A" }, new AgentInputImagePart { ImageUrl = "u" }, new AgentInputTextPart { Text = "B" }));
        AgentInputContent text = "AB";
        text.ShouldNotBe(content);
        text.Parts.ShouldHaveSingleItem().ShouldBe(new AgentInputTextPart { Text = "AB" });
    }

    [Fact]
    public void Content_UnknownPart_RoundTripsItsJson()
    {
        const string json = """{"input":[{"type":"message","role":"user","content":[{"type":"input_audio","data":"AA==","format":"wav"}]}],"preset":"fast"}""";

        var request = PerplexityJson.Deserialize<AgentRequest>(json);

        var part = ((AgentMessageInputItem)request.Input.Items[0]).Content.Parts.ShouldHaveSingleItem().ShouldBeOfType<AgentUnknownInputContentPart>();
        part.Type.ShouldBe("input_audio");
        PerplexityJson.Serialize(request).ShouldBe(json);
        Should.Throw<ArgumentException>(() => new AgentUnknownInputContentPart(JsonDocument.Parse("{}").RootElement));
        Should.Throw<ArgumentException>(() => new AgentUnknownInputItem(JsonDocument.Parse("1").RootElement));
        Should.Throw<ArgumentException>(() => new AgentUnknownTool(JsonDocument.Parse("""{"type":null}""").RootElement));
    }
}
