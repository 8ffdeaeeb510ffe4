using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>A client over an in-memory scripted API, on a clock the test drives.</summary>
public abstract class PollingTestBase : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    protected PollingTestBase()
    {
        Clock = new TestClock();
        Handler = new ScriptedHandler(Clock);
    }

    internal TestClock Clock { get; }

    internal ScriptedHandler Handler { get; }

    /// <summary>The defaults without jitter, so every delay is exact.</summary>
    protected static PollingOptions Exact(Action<PollingOptions>? configure = null)
    {
        var polling = new PollingOptions { UseJitter = false };
        configure?.Invoke(polling);
        return polling;
    }

    protected PerplexityAsyncClient CreateSut(Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = WireMockTestBase.ApiKey,
            BaseAddress = new Uri("https://api.test/"),
            TimeProvider = Clock,

            // Each poll starts on the clock's timer thread and first makes its request-timeout timer: the clock could
            // take that timer for the next delay and skip 15 minutes ahead. The waits under test have their own timeout.
            RequestTimeout = null,
        };
        configure?.Invoke(options);
        var httpClient = new HttpClient(Handler, disposeHandler: false);
        var client = new PerplexityAsyncClient(httpClient, options);
        _disposables.Add(client);
        _disposables.Add(httpClient);
        return client;
    }

    protected static async Task<List<AsyncApiChatCompletionsResponse>> CollectAsync(IAsyncEnumerable<AsyncApiChatCompletionsResponse> source)
    {
        var items = new List<AsyncApiChatCompletionsResponse>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        Handler.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them later.</summary>
    internal sealed class RecordingProgress : IProgress<AsyncApiChatCompletionsResponse>
    {
        private readonly List<AsyncApiChatCompletionsResponse> _reports = [];

        public IReadOnlyList<string> Statuses
        {
            get
            {
                lock (_reports)
                {
                    return _reports.Select(r => r.Status.Value).ToList();
                }
            }
        }

        public void Report(AsyncApiChatCompletionsResponse value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
