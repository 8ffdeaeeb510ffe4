using System.Text.Json;

namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class ContentUrlTests
{
    [Theory]
    [InlineData("\"https://example.com/a.png\"", "https://example.com/a.png", true)]
    [InlineData("""{"url":"https://example.com/a.png"}""", "https://example.com/a.png", false)]
    [InlineData("\"data:image/png;base64,iVBORw0KGgo=\"", "data:image/png;base64,iVBORw0KGgo=", true)]
    public void Deserialize_EitherForm_WritesBackTheFormItRead(string json, string expectedUrl, bool bare)
    {
        var url = PerplexityJson.Deserialize<ContentUrl>(json);

        url.IsBareString.ShouldBe(bare);
        url.Url.ShouldBe(expectedUrl);
        PerplexityJson.Serialize(url).ShouldBe(json);
    }

    [Fact]
    public void Deserialize_ObjectWithOtherProperties_ReadsTheUrl()
    {
        var url = PerplexityJson.Deserialize<ContentUrl>("""{"detail":"high","url":"https://example.com/a.png","n":{"x":[1]}}""");

        url.Url.ShouldBe("https://example.com/a.png");
        url.IsBareString.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"url":5}""")]
    [InlineData("""{"url":null}""")]
    [InlineData("5")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Deserialize_InvalidUrl_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<ContentUrl>(json));
    }

    [Fact]
    public void FromUrl_WritesTheObjectFormUnlessAskedForTheBareString()
    {
        var url = ContentUrl.FromUrl("https://example.com/a.png");

        url.ToString().ShouldBe("https://example.com/a.png");
        PerplexityJson.Serialize(url).ShouldBe("""{"url":"https://example.com/a.png"}""");
        PerplexityJson.Serialize(url with { IsBareString = true }).ShouldBe("\"https://example.com/a.png\"");
        Should.Throw<ArgumentNullException>(() => ContentUrl.FromUrl(null!));
    }

    [Theory]
    [InlineData("""{"type":"image_url","image_url":"https://x/a.png"}""")]
    [InlineData("""{"type":"image_url","image_url":{"url":"https://x/a.png"}}""")]
    [InlineData("""{"type":"file_url","file_url":"https://x/a.pdf","file_name":"a.pdf"}""")]
    [InlineData("""{"type":"pdf_url","pdf_url":{"url":"https://x/b.pdf"}}""")]
    [InlineData("""{"type":"video_url","video_url":"https://x/v.mp4"}""")]
    [InlineData("""{"type":"video_url","video_url":{"url":"https://x/v.mp4","frame_interval":10}}""")]
    [InlineData("""{"type":"video_url","video_url":{"url":"https://x/v.mp4","frame_interval":"1s"}}""")]
    public void Deserialize_ChunkWithEitherUrlForm_RoundTripsExactly(string json)
    {
        PerplexityJson.Serialize(PerplexityJson.Deserialize<ChatMessageContentChunk>(json)).ShouldBe(json);
    }

    [Fact]
    public void VideoUrl_WithoutFrameInterval_DefaultsTo25()
    {
        var url = PerplexityJson.Deserialize<VideoContentUrl>("""{"url":"https://x/v.mp4"}""");

        url.FrameInterval.ShouldBe(new StringOrInteger(25));
        url.IsBareString.ShouldBeFalse();
        VideoContentUrl.FromUrl("https://x/v.mp4").FrameInterval.ShouldBe(new StringOrInteger(25));
        PerplexityJson.Deserialize<VideoContentUrl>("\"https://x/v.mp4\"").FrameInterval.ShouldBe(new StringOrInteger(25));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"url":"https://x/v.mp4","frame_interval":1.5}""")]
    [InlineData("""{"url":"https://x/v.mp4","frame_interval":null}""")]
    [InlineData("true")]
    public void Deserialize_InvalidVideoUrl_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<VideoContentUrl>(json));
    }
}
