using System.Net;
using System.Text;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// A response that names JSON next to another content type (two Content-Type headers, or one with a comma list) is
/// not taken for JSON, as docs/quality.md says: a protocol error naming what was sent, even when the body is a job.
/// </summary>
public sealed class ContentTypeListTests
{
    private const string Envelope = """{"id":"job-1","model":"sonar","created_at":1763870400,"status":"CREATED"}""";

    [Theory]
    [InlineData("Content-Type: application/json", "Content-Type: text/html")]
    [InlineData("Content-Type: text/html", "Content-Type: application/json")]
    [InlineData("Content-Type: application/json, text/html", null)]
    [InlineData("Content-Type: text/html, application/json", null)]
    public async Task GetAsync_ContentTypeListsJsonAndHtml_ThrowsProtocolExceptionNamingTheContentType(string first, string? second)
    {
        string[] headerLines = second is null ? [first] : [first, second];
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply("HTTP/1.1 200 OK", Encoding.UTF8.GetBytes(Envelope), headerLines));
        using var client = new PerplexityAsyncClient(
            new PerplexityAsyncClientOptions { ApiKey = "pplx-media-key", BaseAddress = server.BaseAddress, MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.Message.ShouldContain("text/html");
        ex.Message.ShouldContain("application/json");
    }

    [Fact]
    public async Task GetAsync_JsonWithACharsetParameter_IsStillJson()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply(
            "HTTP/1.1 200 OK", Encoding.UTF8.GetBytes(Envelope), "Content-Type: application/json; charset=\"utf-8\""));
        using var client = new PerplexityAsyncClient(
            new PerplexityAsyncClientOptions { ApiKey = "pplx-media-key", BaseAddress = server.BaseAddress, MaxRetries = 0 });

        (await client.Sonar.GetAsync("job-1")).Id.ShouldBe("job-1");
    }
}
