using System.Text;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Security;

/// <summary>
/// A server on a raw socket echoes the <c>Authorization</c> value where .NET or the SDK quotes what it received (an
/// invalid status or header line, a JSON path, the cut of a body excerpt, a job id), and nothing the SDK produces
/// (exception text and inner chain, logs, spans) may hold the key or a cut-off start of it.
/// </summary>
public sealed class KeyEchoOverSocketTests
{
    private const string Envelope = """{"id":"job-1","model":"sonar","created_at":1763870400,"status":"CREATED"}""";
    private static readonly string Key = LeakScan.LongKey;

    [Theory]
    [InlineData("status line")]
    [InlineData("header line")]
    public async Task GetAsync_ServerEchoesTheAuthorizationValueInAnInvalidLine_NoExceptionLogOrSpanHoldsTheKey(string where)
    {
        await using var server = new RawHttpServer(request => Encoding.ASCII.GetBytes(where == "status line"
            ? $"HTTP/1.1 200{request.Authorization}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nX-Echo {request.Authorization}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"));
        using var scan = new LeakScan(Key, server.Port);
        using var client = new PerplexityAsyncClient(scan.Options(server.BaseAddress));

        var ex = await Should.ThrowAsync<PerplexityConnectionException>(client.Sonar.GetAsync("job-1"));
        scan.Add(ex);

        server.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer " + Key);
        scan.Logs.Entries.ShouldContain(e => e.EventId.Id == 1004 && e.Exception != null, "the failure was logged with its exception");
        scan.Spans().ShouldContain(s => s.StatusDescription != null, "the span says why it failed");
        scan.ShouldHoldNoKey(length: 12);
        scan.ShouldShowTheMask();
    }

    [Fact]
    public async Task GetAsync_MalformedBodyWhoseJsonPathIsTheKey_ProtocolExceptionAndItsInnerJsonExceptionHoldNoKey()
    {
        await using var server = new RawHttpServer(request => RawHttpServer.Json(
            Envelope.TrimEnd('}') + $",\"{request.Authorization["Bearer ".Length..]}\":{{\"a\":tru}}}}"));
        using var scan = new LeakScan(Key, server.Port);
        using var client = new PerplexityAsyncClient(scan.Options(server.BaseAddress));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));
        scan.Add(ex);

        ex.InnerException.ShouldNotBeNull();
        ex.Message.ShouldContain("[REDACTED]", customMessage: "the JSON path was quoted, masked");
        scan.ShouldHoldNoKey(length: 12);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(3)]
    public async Task GetAsync_KeyStraddlesTheCutOfTheBodyExcerpt_NoCutOffStartOfTheKeyIsLeft(int keyCharsBeforeCut)
    {
        const int excerptBytes = 1024;
        await using var server = new RawHttpServer(request => RawHttpServer.Reply(
            "HTTP/1.1 200 OK",
            Encoding.ASCII.GetBytes(new string('a', excerptBytes - keyCharsBeforeCut) + request.Authorization["Bearer ".Length..] + new string('b', 2000)),
            "Content-Type: text/html"));
        using var scan = new LeakScan(Key, server.Port);
        using var client = new PerplexityAsyncClient(scan.Options(server.BaseAddress));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));
        scan.Add(ex);

        ex.BodyExcerpt.ShouldNotBeNull();
        ex.BodyExcerpt.ShouldStartWith("aaaa");
        ex.BodyExcerpt.ShouldNotContain(Key[..keyCharsBeforeCut]);
        ex.BodyExcerpt.ShouldContain("[REDACTED]");
        scan.ShouldHoldNoKey(length: Math.Min(keyCharsBeforeCut, 4));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(3)]
    public async Task GetAsync_KeyStraddlesTheCutOfTheErrorBody_NoCutOffStartOfTheKeyIsLeft(int keyCharsBeforeCut)
    {
        const int errorBodyBytes = 16 * 1024;
        await using var server = new RawHttpServer(request => RawHttpServer.Reply(
            "HTTP/1.1 500 Internal Server Error",
            Encoding.ASCII.GetBytes(new string('a', errorBodyBytes - keyCharsBeforeCut) + request.Authorization["Bearer ".Length..] + new string('b', 2000)),
            "Content-Type: text/plain"));
        using var scan = new LeakScan(Key, server.Port);
        using var client = new PerplexityAsyncClient(scan.Options(server.BaseAddress));

        var ex = await Should.ThrowAsync<PerplexityServerException>(client.Sonar.GetAsync("job-1"));
        scan.Add(ex);

        var body = ex.Details.ResponseBody.ShouldNotBeNull();
        body.ShouldStartWith("aaaa");
        body.ShouldNotContain(Key[..keyCharsBeforeCut]);
        body.ShouldContain("[REDACTED]");
        scan.ShouldHoldNoKey(length: Math.Min(keyCharsBeforeCut, 4));
    }

    [Fact]
    public async Task GetAsync_JobIdFromACreateEchoesTheKey_NoMessageLogOrSpanTagHoldsIt()
    {
        await using var server = new RawHttpServer(request => request.Method == "POST"
            ? RawHttpServer.Json(Envelope.Replace("\"job-1\"", $"\"job-{request.Authorization["Bearer ".Length..]}\"", StringComparison.Ordinal))
            : RawHttpServer.Json("""{"error":{"message":"no such job"}}""", status: 404));
        using var scan = new LeakScan(Key, server.Port);
        using var client = new PerplexityAsyncClient(scan.Options(server.BaseAddress));

        var created = await client.Sonar.CreateAsync(
            new ChatCompletionRequest { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("What is L2?")] });
        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(client.Sonar.GetAsync(created.Id));
        scan.Add(ex);

        created.Id.ShouldBe("job-" + Key, "the model keeps the server's data as sent");
        ex.Message.ShouldContain("for request id 'job-[REDACTED]'");
        scan.Logs.Entries.ShouldContain(e => e.EventId.Id == 1003 && Equals(e["RequestId"], "job-[REDACTED]"));
        scan.Spans().ShouldContain(s => Equals(s.GetTagItem("perplexity.request_id"), "job-[REDACTED]"));
        scan.ShouldHoldNoKey(length: 12);
    }
}
