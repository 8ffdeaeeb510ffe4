using System.IO;
using System.Net;
using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// A caller's handler that decompresses (AutomaticDecompression, common with IHttpClientFactory) meets a corrupt
/// gzip, deflate or brotli body on a raw socket: the call ends in a typed protocol error with the status, on success
/// and on error responses, never in the decoder's raw exception.
/// </summary>
public sealed class CorruptCompressedBodyTests
{
    [Theory]
    [InlineData("gzip", 200)]
    [InlineData("deflate", 200)]
    [InlineData("br", 200)]
    [InlineData("gzip", 500)]
    [InlineData("deflate", 500)]
    [InlineData("br", 500)]
    [InlineData("gzip", 404)]
    public async Task GetAsync_DecompressingHandlerGetsACorruptBody_ThrowsProtocolExceptionWithTheStatus(string encoding, int status)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply(
            $"HTTP/1.1 {status} Status",
            RawHttpServer.CorruptBody(encoding),
            "Content-Type: application/json",
            "Content-Encoding: " + encoding));
        using var httpClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });
        using var client = new PerplexityAsyncClient(
            httpClient, new PerplexityAsyncClientOptions { ApiKey = "pplx-decode-key", BaseAddress = server.BaseAddress, MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.StatusCode.ShouldBe((HttpStatusCode)status);
        ex.InnerException.ShouldBeAssignableTo<Exception>().ShouldSatisfyAllConditions(
            inner => (inner is InvalidDataException or InvalidOperationException).ShouldBeTrue(inner.ToString()));
    }

    [Fact]
    public async Task GetAsync_CorruptBodyWithANonJsonContentType_ThrowsProtocolExceptionNamingTheContentType()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Reply(
            "HTTP/1.1 200 OK", RawHttpServer.CorruptBody("gzip", early: true), "Content-Type: text/html", "Content-Encoding: gzip"));
        using var httpClient = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        using var client = new PerplexityAsyncClient(
            httpClient, new PerplexityAsyncClientOptions { ApiKey = "pplx-decode-key", BaseAddress = server.BaseAddress, MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("text/html");
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
