using System.IO;
using System.Net;
using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>
/// Defect 4e inside waits: a decompressing handler meets a corrupt gzip, deflate or brotli body on a poll, over a real
/// socket. The wait ends at once with a typed protocol error that carries the job id (a body that cannot be decoded is
/// not a transient failure to poll again), never with the decoder's raw exception.
/// </summary>
public sealed class CorruptCompressedBodyInWaitTests : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });

    [Theory]
    [InlineData("sonar", "gzip")]
    [InlineData("sonar", "deflate")]
    [InlineData("sonar", "br")]
    [InlineData("agent", "gzip")]
    [InlineData("agent", "deflate")]
    [InlineData("agent", "br")]
    public async Task WaitForCompletionAsync_PollGetsACorruptBody_ThrowsProtocolExceptionWithTheJobId(string api, string encoding)
    {
        await using var server = CorruptServer(encoding);
        var clock = new TestClock();
        using var client = DecompressingClient(server, clock);
        var (id, wait) = api == "sonar"
            ? ("job-1", (Task)client.Sonar.WaitForCompletionAsync("job-1"))
            : ("resp_corrupt", client.Agent.WaitForCompletionAsync("resp_corrupt"));

        await clock.DriveAsync(wait); // drives the wait to its end without observing how it ended
        var ex = await Should.ThrowAsync<PerplexityProtocolException>(wait);

        ex.JobId.ShouldBe(id);
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        (ex.InnerException is InvalidDataException or InvalidOperationException).ShouldBeTrue(ex.ToString());
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SonarWaitForAllAsync_ListGetsACorruptBody_ThrowsProtocolException()
    {
        await using var server = CorruptServer("gzip");
        var clock = new TestClock();
        using var client = DecompressingClient(server, clock);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(clock.DriveAsync(client.Sonar.WaitForAllAsync(["job-1", "job-2"])));

        (ex.InnerException is InvalidDataException or InvalidOperationException).ShouldBeTrue(ex.ToString());
        server.Requests.Count.ShouldBe(1);
    }

    private static RawHttpServer CorruptServer(string encoding) =>
        new(_ => RawHttpServer.Reply(
            "HTTP/1.1 200 OK", RawHttpServer.CorruptBody(encoding), "Content-Type: application/json", "Content-Encoding: " + encoding));

    public void Dispose() => _http.Dispose();

    private PerplexityAsyncClient DecompressingClient(RawHttpServer server, TestClock clock) =>
        new(
            _http,
            new PerplexityAsyncClientOptions
            {
                ApiKey = "pplx-decode-key",
                BaseAddress = server.BaseAddress,
                MaxRetries = 0,
                TimeProvider = clock,
                RequestTimeout = null,
            });
}
