using System.IO;
using System.Text;
using System.Text.Json;
using Perplexity.Async.Serialization;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>
/// Content chunks read from a stream larger than the serializer's buffer, as the HTTP path reads them: the
/// converters then see a reader that is not on its final block, where <c>Utf8JsonReader.Skip</c> throws.
/// </summary>
public sealed class StreamingContentChunkTests
{
    [Fact]
    public async Task DeserializeAsync_LargeStreamWithUnknownPropertiesInChunksAndUrls_ReadsEveryChunk()
    {
        var json = Envelope("""
            [
              {"type":"text","text":"first"},
              {"note":{"nested":[1,{"deep":true}]},"type":"text","extra":{"x":1},"text":"after"},
              {"type":"image_url","image_url":{"detail":{"level":"high"},"url":"https://example.com/a.png"}},
              {"type":"video_url","video_url":{"hint":[1,2],"url":"https://example.com/v.mp4","frame_interval":5}},
              {"type":"t\u0065xt","text":"escaped type"},
              {"type":"audio_url","audio_url":{"url":"https://example.com/a.mp3"}}
            ]
            """, padding: 100_000);

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var job = await JsonSerializer.DeserializeAsync(stream, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse);

        var parts = job!.Response!.Choices[0].Message.Content!.Parts;
        parts.Count.ShouldBe(6);
        parts[0].ShouldBeOfType<ChatMessageContentTextChunk>().Text.ShouldBe("first");
        parts[1].ShouldBeOfType<ChatMessageContentTextChunk>().Text.ShouldBe("after");
        parts[2].ShouldBeOfType<ChatMessageContentImageChunk>().ImageUrl.Url.ShouldBe("https://example.com/a.png");
        parts[3].ShouldBeOfType<ChatMessageContentVideoChunk>().VideoUrl.Url.ShouldBe("https://example.com/v.mp4");
        parts[4].ShouldBeOfType<ChatMessageContentTextChunk>().Text.ShouldBe("escaped type");
        parts[5].ShouldBeOfType<ChatMessageContentUnknownChunk>().Type.ShouldBe("audio_url");
    }

    [Theory]
    [InlineData("""[{"type":"text"}]""", "no 'text'")]
    [InlineData("""[{"type":"text","text":null}]""", "'text'")]
    [InlineData("""[{"type":"text","text":42}]""", "'text'")]
    [InlineData("""[{"type":7,"text":"x"}]""", "'type'")]
    [InlineData("""[{"text":"x"}]""", "no 'type'")]
    [InlineData("""[null]""", "is null")]
    public void Deserialize_MalformedChunk_ThrowsJsonExceptionNamingTheProblem(string content, string expected)
    {
        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(Envelope(content)));

        ex.Message.ShouldContain(expected);
    }

    // The padding after the content keeps the serializer from reaching the end of the stream, and so from
    // giving the content's converter a final block.
    private static string Envelope(string content, int padding = 0) => $$$"""
        {"id":"req_1","model":"sonar-pro","created_at":1763870400,"status":"COMPLETED",
         "response":{"id":"c","model":"sonar-pro","created":1763870400,
           "choices":[{"index":0,"message":{"role":"assistant","content":{{{content}}},"tool_call_id":"{{{new string('p', padding)}}}"}}]}}
        """;
}
