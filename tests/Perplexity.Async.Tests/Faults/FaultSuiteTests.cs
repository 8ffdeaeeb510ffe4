using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Faults;

/// <summary>
/// One test per network or server fault, each asserting the documented typed outcome. Faults already covered
/// elsewhere are listed in docs/quality.md rather than repeated here.
/// </summary>
public sealed class FaultSuiteTests(WireMockFixture fixture) : IClassFixture<WireMockFixture>
{
    private const string Key = "pplx-fault-suite-key";

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetAsync_TransientStatusThenSuccess_IsRetriedAfterTheBackoffAndSucceeds(int status)
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenError(status, times: 2).Then("COMPLETED");
        using var client = InMemory(handler, clock, o => o.MaxRetries = 2);

        var job = await clock.DriveAsync(client.Sonar.GetAsync(Api.JobId));

        job.Status.ShouldBe(AsyncProcessingStatus.Completed);
        handler.Requests.Count.ShouldBe(3);
        handler.Delays.ShouldBe([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)]);
    }

    [Theory]
    [InlineData(408, typeof(PerplexityApiException))]
    [InlineData(500, typeof(PerplexityServerException))]
    [InlineData(502, typeof(PerplexityServerException))]
    [InlineData(503, typeof(PerplexityServerException))]
    [InlineData(504, typeof(PerplexityServerException))]
    public async Task GetAsync_TransientStatusEveryTime_ThrowsTheTypedExceptionAfterTheRetries(int status, Type expected)
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenError(status);
        using var client = InMemory(handler, clock, o => o.MaxRetries = 2);
        var call = client.Sonar.GetAsync(Api.JobId);

        await clock.DriveAsync((Task)call);

        var ex = await Should.ThrowAsync<PerplexityApiException>(call);
        ex.GetType().ShouldBe(expected);
        ((int)ex.StatusCode).ShouldBe(status);
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetAsync_RateLimitedWithRetryAfterSecondsUntilRetriesRunOut_ThrowsRateLimitExceptionWithRetryAfter()
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenError(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        using var client = InMemory(handler, clock, o => o.MaxRetries = 2);
        var call = client.Sonar.GetAsync(Api.JobId);

        await clock.DriveAsync((Task)call);

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(call);
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        handler.Delays.ShouldBe([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task GetAsync_RateLimitedWithRetryAfterDateUntilRetriesRunOut_ThrowsRateLimitExceptionWithRetryAfter()
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenError(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow() + TimeSpan.FromSeconds(12)));
        using var client = InMemory(handler, clock, o => o.MaxRetries = 1);
        var call = client.Sonar.GetAsync(Api.JobId);

        await clock.DriveAsync((Task)call);

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(call);
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
        handler.Delays.ShouldBe([TimeSpan.FromSeconds(12)]);
    }

    [Theory]
    [InlineData(WireMock.ResponseBuilders.FaultType.EMPTY_RESPONSE)]
    [InlineData(WireMock.ResponseBuilders.FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task GetAsync_ServerSendsAnEmptyOrGarbledReply_ThrowsProtocolException(WireMock.ResponseBuilders.FaultType fault)
    {
        // WireMock answers these faults with a 200 whose body is empty or random bytes (a reset connection is covered
        // in Retries/TransportRetryTests). Real sockets and real time: no retries, so nothing waits on the real clock.
        fixture.Server.Reset();
        fixture.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithFault(fault));
        using var client = new PerplexityAsyncClient(new PerplexityAsyncClientOptions
        {
            ApiKey = Key,
            BaseAddress = new Uri(fixture.Server.Url!),
            MaxRetries = 0,
        });

        var ex = await Should.ThrowAsync<PerplexityException>(client.Sonar.GetAsync("job-1"));

        ex.ShouldBeOfType<PerplexityProtocolException>(ex.ToString()).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    public async Task GetAsync_HtmlErrorPageWithStatus200_ThrowsProtocolException(string contentType)
    {
        const string Html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        using var client = InMemory(new ScriptedHandler(new TestClock()).Then(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Html, Encoding.UTF8, contentType),
        }));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldNotBeNullOrWhiteSpace();
        ex.BodyExcerpt.ShouldNotBeNull().ShouldContain("502 Bad Gateway");
    }

    [Fact]
    public async Task GetAsync_FiftyMegabyteBody_StopsReadingNearTheCapWithProtocolException()
    {
        const long Cap = 1024 * 1024;
        var content = new EndlessJsonContent(50L * 1024 * 1024);
        using var client = InMemory(new ScriptedHandler(new TestClock()).Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }),
            configure: o => o.MaxResponseContentBytes = Cap);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("MaxResponseContentBytes");
        content.BytesServed.ShouldBeGreaterThan(Cap);
        content.BytesServed.ShouldBeLessThan(Cap + (256 * 1024), "the body is read lazily and abandoned at the cap, never buffered whole");
        content.Disposed.ShouldBeTrue("the abandoned body is disposed");
    }

    [Fact]
    public async Task GetAsyncAndWaitForCompletionAsync_FiftyConcurrentCallsOnOneClient_EachGetsItsOwnJob()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Epoch);
        using var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
        {
            TimeProvider = clock,
            QueuedDuration = TimeSpan.FromSeconds(3),
            RunningDuration = TimeSpan.FromSeconds(20),
        });
        using var client = emulator.CreateClient();
        var jobs = Enumerable.Range(0, 50).Select(i => emulator.AddJob($"Question number {i}?")).ToList();
        AsyncCompletionsClient Route(int index) => index % 2 == 0 ? client.Sonar : client.ChatCompletions;

        // Fifty gets at once while the jobs are queued, then (the jobs done) fifty waits at once on the same client.
        var first = await Task.WhenAll(jobs.Select((j, i) => Task.Run(() => Route(i).GetAsync(j.Id))));
        clock.Advance(TimeSpan.FromSeconds(30));
        var final = await Task.WhenAll(jobs.Select((j, i) => Task.Run(() => Route(i).WaitForCompletionAsync(j.Id))));

        for (var i = 0; i < jobs.Count; i++)
        {
            first[i].Id.ShouldBe(jobs[i].Id);
            first[i].Status.ShouldNotBe(AsyncProcessingStatus.Completed);
            final[i].Id.ShouldBe(jobs[i].Id);
            final[i].Status.ShouldBe(AsyncProcessingStatus.Completed);
            final[i].Response.ShouldNotBeNull().Text.ShouldNotBeNullOrWhiteSpace();
        }

        emulator.Requests.Count.ShouldBe(100);
    }

    private static PerplexityAsyncClient InMemory(HttpMessageHandler handler, TimeProvider? clock = null, Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = Key,
            BaseAddress = new Uri("https://api.example.test/"),
            UseRetryJitter = false,
            MaxRetries = 0,
        };
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        configure?.Invoke(options);
        return new PerplexityAsyncClient(new HttpClient(handler), options);
    }

    /// <summary>A JSON body of the given size, produced as it is read: <c>{"id":"aaaa…</c>. Nothing is allocated up front.</summary>
    private sealed class EndlessJsonContent(long length) : HttpContent
    {
        private EndlessStream? _stream;

        public long BytesServed => _stream?.Served ?? 0;

        public bool Disposed { get; private set; }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream = new EndlessStream(length));

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new NotSupportedException("The client must read the body as a stream.");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            _stream?.Dispose();
            base.Dispose(disposing);
        }

        private sealed class EndlessStream(long length) : Stream
        {
            private static readonly byte[] Prefix = "{\"id\":\""u8.ToArray();

            public long Served { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => Served; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                var n = (int)Math.Min(buffer.Length, length - Served);
                for (var i = 0; i < n; i++)
                {
                    var at = Served + i;
                    buffer[i] = at < Prefix.Length ? Prefix[at] : (byte)'a';
                }

                Served += n;
                return n;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer.AsSpan(offset, count)));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                ValueTask.FromResult(Read(buffer.Span));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
