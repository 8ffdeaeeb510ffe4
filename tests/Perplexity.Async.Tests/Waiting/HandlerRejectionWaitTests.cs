using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using Polly.CircuitBreaker;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>A caller's own resilience handler that refuses to send for now is a transient failure of a wait; a bug in a handler is not.</summary>
public sealed class HandlerRejectionWaitTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly ScriptedHandler _api;
    private readonly List<IDisposable> _disposables = [];

    public HandlerRejectionWaitTests() => _api = new ScriptedHandler(_clock);

    [Fact]
    public async Task WaitForCompletionAsync_CircuitOpenOnce_WaitsItsRetryAfterAndCompletes()
    {
        _api.Then("IN_PROGRESS").ThenCompleted();
        var client = CreateSut(new ThrowingOnce(new BrokenCircuitException("open", TimeSpan.FromSeconds(20))));

        var done = await _clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        done.Status.ShouldBe(AsyncProcessingStatus.Completed);
        // The rejected poll at 0 s sent nothing; the next came after the circuit's 20 s, not the 1 s backoff.
        _api.Requests.Select(r => r.At - TestClock.Epoch).ShouldBe([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(22)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_HandlerBug_EndsTheWaitAtOnce()
    {
        _api.ThenCompleted();
        var client = CreateSut(new ThrowingOnce(new InvalidOperationException("bug in a handler")));

        var ex = await Should.ThrowAsync<PerplexityHandlerException>(
            _clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        ex.JobId.ShouldBe(Api.JobId);
        _api.Requests.ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _api.Dispose();
    }

    private static PollingOptions Exact() => new() { UseJitter = false };

    private PerplexityAsyncClient CreateSut(DelegatingHandler handler)
    {
        handler.InnerHandler = _api;
        var client = new PerplexityAsyncClient(
            new HttpClient(handler),
            new PerplexityAsyncClientOptions { ApiKey = "pplx-test", BaseAddress = new Uri("https://api.test/"), TimeProvider = _clock, RequestTimeout = null });
        _disposables.Add(client);
        return client;
    }

    private sealed class ThrowingOnce(Exception exception) : DelegatingHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1 ? Task.FromException<HttpResponseMessage>(exception) : base.SendAsync(request, cancellationToken);
    }
}
