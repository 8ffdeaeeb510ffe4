using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class MessageContentTests
{
    private static readonly ChatMessageContentChunk Image =
        new ChatMessageContentImageChunk { ImageUrl = ContentUrl.FromUrl("https://example.com/a.png") };

    private static readonly ChatMessageContentChunk File =
        new ChatMessageContentFileChunk { FileUrl = ContentUrl.FromUrl("https://example.com/a.pdf"), FileName = "a.pdf" };

    [Fact]
    public void FromText_AnyString_HasBothViews()
    {
        var content = MessageContent.FromText("Hello");

        content.IsText.ShouldBeTrue();
        content.Text.ShouldBe("Hello");
        content.ToString().ShouldBe("Hello");
        content.Parts.ShouldHaveSingleItem().ShouldBe(new ChatMessageContentTextChunk { Text = "Hello" });
    }

    [Fact]
    public void ImplicitConversion_FromString_IsTextContent()
    {
        MessageContent content = "Hi there";

        content.ShouldBe(MessageContent.FromText("Hi there"));
        content.IsText.ShouldBeTrue();
    }

    [Fact]
    public void Text_OfParts_JoinsTheTextChunksInOrderAndSkipsOthers()
    {
        var content = MessageContent.FromParts(
            new ChatMessageContentTextChunk { Text = "Hello, " }, Image, new ChatMessageContentTextChunk { Text = "world" }, File);

        content.IsText.ShouldBeFalse();
        content.Text.ShouldBe("Hello, world");
        content.ToString().ShouldBe("Hello, world");
        content.Parts.Count.ShouldBe(4);
        content.Parts[1].ShouldBeSameAs(Image);
        content.Parts[3].ShouldBeSameAs(File);
    }

    [Fact]
    public void Text_OfPartsWithoutText_IsEmpty()
    {
        MessageContent.FromParts(Image, File).Text.ShouldBe(string.Empty);
        MessageContent.FromParts().Text.ShouldBe(string.Empty);
        MessageContent.FromParts().Parts.ShouldBeEmpty();
    }

    [Fact]
    public void FromParts_ListChangedAfterwards_KeepsItsOwnCopy()
    {
        var list = new List<ChatMessageContentChunk> { Image };

        var content = MessageContent.FromParts(list);
        list.Add(File);

        content.Parts.ShouldHaveSingleItem();
    }

    [Fact]
    public void Factories_Null_ThrowArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => MessageContent.FromText(null!)).ParamName.ShouldBe("text");
        Should.Throw<ArgumentNullException>(() => { MessageContent content = (string)null!; });
        Should.Throw<ArgumentNullException>(() => MessageContent.FromParts((IEnumerable<ChatMessageContentChunk>)null!)).ParamName.ShouldBe("parts");
        Should.Throw<ArgumentNullException>(() => MessageContent.FromParts(Image, null!)).ParamName.ShouldBe("parts");
    }

    [Fact]
    public void Equals_ComparesFormAndContent()
    {
        MessageContent.FromText("a").ShouldBe(MessageContent.FromText("a"));
        MessageContent.FromText("a").GetHashCode().ShouldBe(MessageContent.FromText("a").GetHashCode());
        MessageContent.FromText("a").ShouldNotBe(MessageContent.FromText("A"));
        MessageContent.FromText("a").ShouldNotBe(MessageContent.FromParts(new ChatMessageContentTextChunk { Text = "a" }));
        MessageContent.FromParts(new ChatMessageContentTextChunk { Text = "a" }, Image)
            .ShouldBe(MessageContent.FromParts(new ChatMessageContentTextChunk { Text = "a" }, Image));
        MessageContent.FromParts(Image, File).ShouldNotBe(MessageContent.FromParts(File, Image));
        MessageContent.FromParts(Image).ShouldNotBe(MessageContent.FromParts(Image, Image));
        MessageContent.FromText("a").Equals(null).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"role":"assistant","content":"plain text"}""", true)]
    [InlineData("""{"role":"assistant","content":[{"type":"text","text":"only chunk"}]}""", false)]
    [InlineData("""{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":"https://x/a.png"},{"type":"text","text":"b"}]}""", false)]
    [InlineData("""{"role":"user","content":[]}""", false)]
    public void Deserialize_MessageContent_KeepsItsFormOnTheWayBack(string json, bool isText)
    {
        var message = PerplexityJson.Deserialize<ChatMessage>(json);

        message.Content.ShouldNotBeNull().IsText.ShouldBe(isText);
        PerplexityJson.Serialize(message).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{"role":"assistant","content":null}""")]
    [InlineData("""{"role":"assistant"}""")]
    public void Deserialize_NullOrAbsentContent_IsNullAndOmittedOnWrite(string json)
    {
        var message = PerplexityJson.Deserialize<ChatMessage>(json);

        message.Content.ShouldBeNull();
        PerplexityJson.Serialize(message).ShouldBe("""{"role":"assistant"}""");
    }

    [Fact]
    public void Deserialize_UnknownChunkType_KeepsItsJsonAndIsSkippedByText()
    {
        const string json = """{"role":"user","content":[{"type":"text","text":"see"},{"type":"audio_url","audio_url":{"url":"https://x/a.mp3"},"seconds":3}]}""";

        var message = PerplexityJson.Deserialize<ChatMessage>(json);

        var unknown = message.Content!.Parts[1].ShouldBeOfType<ChatMessageContentUnknownChunk>();
        unknown.Type.ShouldBe("audio_url");
        unknown.Json.GetProperty("seconds").GetInt32().ShouldBe(3);
        message.Content.Text.ShouldBe("see");
        PerplexityJson.Serialize(message).ShouldBeEquivalentJson(json);
    }

    [Theory]
    [InlineData("""{"role":"user","content":5}""")]
    [InlineData("""{"role":"user","content":{"type":"text","text":"a"}}""")]
    [InlineData("""{"role":"user","content":[null]}""")]
    [InlineData("""{"role":"user","content":["text"]}""")]
    [InlineData("""{"role":"user","content":[{"text":"no type"}]}""")]
    public void Deserialize_InvalidContent_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<ChatMessage>(json));
    }
}
