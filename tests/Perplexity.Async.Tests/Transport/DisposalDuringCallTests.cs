using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>Disposing the client while a call or a wait is in flight is reported at once, as disposal, over a real socket.</summary>
public sealed class DisposalDuringCallTests
{
    private static readonly TimeSpan SafetyBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task GetAsync_ClientDisposedWhileInFlight_ThrowsObjectDisposedNotATimeout()
    {
        await using var server = new SilentServer();
        var client = CreateSut(server);
        var call = client.Sonar.GetAsync("job-1", CancellationToken.None);
        await server.FirstConnection.WaitAsync(SafetyBound);

        client.Dispose();

        var ex = await Should.ThrowAsync<ObjectDisposedException>(call.WaitAsync(SafetyBound));
        ex.ObjectName.ShouldBe(nameof(PerplexityAsyncClient));
        ex.Message.ShouldContain("GET v1/async/sonar/{api_request}");
        ex.Message.ShouldNotContain("HttpClient.Timeout");
    }

    [Fact]
    public async Task WaitForCompletionAsync_ClientDisposedDuringAPoll_EndsAtOnceWithoutAnotherPoll()
    {
        await using var server = new SilentServer();
        var clock = new TestClock();
        var client = CreateSut(server, clock);
        var wait = client.Sonar.WaitForCompletionAsync("job-1", new PollingOptions { UseJitter = false }, CancellationToken.None);
        await server.FirstConnection.WaitAsync(SafetyBound);

        client.Dispose();

        // The fake clock never moves: a wait that took the disposal for a timeout would wait for a delay forever.
        await Should.ThrowAsync<ObjectDisposedException>(wait.WaitAsync(SafetyBound));
        server.Connections.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_AfterDispose_ThrowsObjectDisposedAtOnce()
    {
        await using var server = new SilentServer();
        var client = CreateSut(server);
        client.Dispose();

        var ex = await Should.ThrowAsync<ObjectDisposedException>(client.Sonar.GetAsync("job-1", CancellationToken.None));

        ex.ObjectName.ShouldBe(nameof(PerplexityAsyncClient));
        server.Connections.ShouldBe(0);
    }

    private static PerplexityAsyncClient CreateSut(SilentServer server, TimeProvider? clock = null) =>
        new(new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-dispose-test",
            BaseAddress = server.BaseAddress,
            MaxRetries = 0,
            RequestTimeout = null,
            TimeProvider = clock ?? TimeProvider.System,
        });
}
