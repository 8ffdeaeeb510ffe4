using System.IO;
using System.Net;
using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Errors;

public sealed class TransportFailureTests
{
    private const string Key = "transport-key-0123456789";

    [Fact]
    public async Task GetAsync_NetworkFailure_ThrowsConnectionExceptionWithTheCause()
    {
        var cause = new HttpRequestException("Connection refused");
        using var client = CreateSut(StubHandler.Throwing(cause));

        var ex = await Should.ThrowAsync<PerplexityConnectionException>(() => client.Sonar.GetAsync("job-1"));

        ex.InnerException.ShouldBeSameAs(cause);
        ex.Message.ShouldContain("v1/async/sonar/{api_request}");
        ex.Message.ShouldContain("Connection refused");
        ex.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public async Task GetAsync_HttpClientTimeout_ThrowsTimeoutException()
    {
        using var client = CreateSut(StubHandler.Throwing(new TaskCanceledException("The request timed out.")));

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(() => client.ChatCompletions.GetAsync("job-1"));

        ex.InnerException.ShouldBeAssignableTo<OperationCanceledException>();
        ex.Message.ShouldContain("async/chat/completions/{api_request}");
        ex.LastResponse.ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_ConnectionBreaksWhileReadingTheBody_ThrowsConnectionException()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new BrokenStream()) { Headers = { { "Content-Type", "application/json" } } },
        });
        using var client = CreateSut(handler);

        var ex = await Should.ThrowAsync<PerplexityConnectionException>(() => client.Sonar.GetAsync("job-1"));

        ex.InnerException.ShouldBeOfType<IOException>();
    }

    [Fact]
    public async Task GetAsync_InMemoryHandler_SendsTheKeyAndReadsTheJob()
    {
        var handler = StubHandler.Json();
        using var client = CreateSut(handler);

        var job = await client.Sonar.GetAsync("job-1");

        job.Id.ShouldBe("job-1");
        job.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1763870400));
        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri.ShouldBe(new Uri("https://api.perplexity.ai/v1/async/sonar/job-1"));
        request.Headers.Authorization!.ToString().ShouldBe("Bearer " + Key);
    }

    // One failure and how it maps; the transport retries are covered (on a fake clock) in Retries/.
    private static PerplexityAsyncClient CreateSut(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = Key, MaxRetries = 0 });

    /// <summary>Sends a few bytes, then fails like a reset connection.</summary>
    private sealed class BrokenStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("Connection reset by peer.");
            }

            _sent = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
