using System.Text.Json;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>Text that is not valid UTF-16 is malformed JSON to a caller, not an argument error of the serializer's.</summary>
public sealed class InvalidTextTests
{
    [Theory]
    [InlineData(0xD800, "")]
    [InlineData(0xDC00, "")]
    [InlineData(0xD83D, "z")]
    public void Deserialize_LoneSurrogateInTheText_ThrowsJsonException(int surrogate, string after)
    {
        // Built here: attribute arguments (and xUnit's theory data) travel as UTF-8, which turns a lone surrogate into U+FFFD.
        var bad = (char)surrogate + after;
        var json = "{\"id\":\"job-" + bad + "\",\"model\":\"sonar\",\"created_at\":1763870400,\"status\":\"CREATED\"}";

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));

        ex.Message.ShouldContain("not valid UTF-16");
    }

    [Fact]
    public void Deserialize_EscapedLoneSurrogate_ThrowsJsonExceptionWithThePath()
    {
        const string json = """{"id":"job-\ud800","model":"sonar","created_at":1763870400,"status":"CREATED"}""";

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));

        ex.Path.ShouldBe("$.id");
    }
}
