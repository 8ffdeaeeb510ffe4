using System.Collections.Specialized;
using System.Net.Http;
using WireMock.Server;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Base for HTTP tests: a fresh WireMock mapping set and a client pointed at it.</summary>
public abstract class WireMockTestBase : IClassFixture<WireMockFixture>, IDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly List<PerplexityAsyncClient> _clients = [];

    protected WireMockTestBase(WireMockFixture fixture)
    {
        Server = fixture.Server;
        Server.Reset();
    }

    protected WireMockServer Server { get; }

    protected Uri BaseAddress => new(Server.Url!);

    protected PerplexityAsyncClient CreateSut(Action<PerplexityAsyncClientOptions>? configure = null)
    {
        // Transport retries and the request timeout are off unless a test turns them on: on the real clock retries
        // would make error tests sleep, and a test about something else should not run under a deadline it did not
        // ask for. (TestClock itself no longer mistakes a timeout's timer for a delay; see its remarks.)
        var options = new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress, MaxRetries = 0, RequestTimeout = null };
        configure?.Invoke(options);
        var client = new PerplexityAsyncClient(options);
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Lets a held WireMock callback answer, and waits until the server has logged its request. WireMock logs a request
    /// when its callback returns, which may be after this test ended: the entry would then land in the next test's log,
    /// after that test's <c>Reset</c>, and the next test would see two requests.
    /// </summary>
    protected async Task ReleaseAndWaitUntilLoggedAsync(TaskCompletionSource release, bool held)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLogEntriesChanged(object? sender, NotifyCollectionChangedEventArgs e) => logged.TrySetResult();
        Server.LogEntriesChanged += OnLogEntriesChanged;
        try
        {
            release.TrySetResult();
            if (held)
            {
                await logged.Task.WaitAsync(TimeSpan.FromSeconds(30)); // real-time-ok: a bound, not a sleep
            }
        }
        finally
        {
            Server.LogEntriesChanged -= OnLogEntriesChanged;
        }
    }
}
