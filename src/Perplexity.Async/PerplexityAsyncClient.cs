using System;
using System.Net.Http;
using Perplexity.Async.Budget;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// The entry point to Perplexity's long-running jobs. <see cref="Agent"/> serves the Agent API's background runs,
/// which is what works against Perplexity today. <see cref="Sonar"/> (<c>/v1/async/sonar</c>) and
/// <see cref="ChatCompletions"/> (<c>/async/chat/completions</c>) serve the specified async chat-completions routes,
/// which Perplexity retired on 2026-09-27 (the live service answers them with
/// <see cref="PerplexityEndpointRetiredException"/>); they are kept for deployments, recordings and the emulator.
/// </summary>
/// <remarks>
/// Create one client and share it: it is thread-safe. A client created from an API key or options owns its
/// <see cref="HttpClient"/> (with pooled connections that are recycled every few minutes, so DNS changes are
/// seen) and disposes it; a client given an <see cref="HttpClient"/> leaves it to its owner.
/// </remarks>
/// <example>
/// <code>
/// using var client = new PerplexityAsyncClient(Environment.GetEnvironmentVariable("PERPLEXITY_API_KEY")!);
/// AgentResponse done = await client.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "What is L2 regularization?" });
/// Console.WriteLine(done.OutputText);
/// </code>
/// </example>
public class PerplexityAsyncClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly PerplexityTransport? _transport;
    private readonly RequestBudget? _ownedBudget;

    /// <summary>Creates a client with an API key and default settings.</summary>
    /// <param name="apiKey">The API key (<c>pplx-…</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or whitespace.</exception>
    public PerplexityAsyncClient(string apiKey)
        : this(new PerplexityAsyncClientOptions { ApiKey = RequireKey(apiKey) })
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings; copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public PerplexityAsyncClient(PerplexityAsyncClientOptions options)
        : this(new ClientSettings(options), DefaultPolling(options), AgentPolling(options), null, null, null)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> the caller owns (for example from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The HTTP client to send with; its base address is not used.</param>
    /// <param name="options">The settings; defaults when null (the key then comes from <c>PERPLEXITY_API_KEY</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public PerplexityAsyncClient(HttpClient httpClient, PerplexityAsyncClientOptions? options = null)
        : this(options ?? new PerplexityAsyncClientOptions(), httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    /// <summary>For mocking only: a client whose members are all overridden.</summary>
    protected PerplexityAsyncClient()
    {
        Agent = null!;
        Sonar = null!;
        ChatCompletions = null!;
        BaseAddress = PerplexityAsyncClientOptions.DefaultBaseAddress;
    }

    /// <summary>
    /// The client <c>AddPerplexityAsync</c> creates: its messages name the registration, and its request budget is the one
    /// of every client of the same name.
    /// </summary>
    internal PerplexityAsyncClient(HttpClient httpClient, PerplexityAsyncClientOptions options, ClientRegistration registration, RequestBudgetRegistry budgets)
        : this(new ClientSettings(options, registration), DefaultPolling(options), AgentPolling(options), httpClient, budgets, registration.Name)
    {
    }

    private PerplexityAsyncClient(PerplexityAsyncClientOptions options, HttpClient httpClient)
        : this(new ClientSettings(options), DefaultPolling(options), AgentPolling(options), httpClient, null, null)
    {
    }

    private PerplexityAsyncClient(
        ClientSettings settings, PollingSettings defaultPolling, PollingSettings agentPolling, HttpClient? httpClient, RequestBudgetRegistry? budgets, string? name)
    {
        if (httpClient is null)
        {
            _ownedHttpClient = CreateHttpClient();
            httpClient = _ownedHttpClient;
        }

        BaseAddress = settings.BaseAddress;
        RequestBudget? budget;
        if (budgets is not null)
        {
            budget = budgets.Get(name!, settings.RequestBudget, settings.TimeProvider);
        }
        else
        {
            budget = settings.RequestBudget is { } budgetSettings ? new RequestBudget(budgetSettings, settings.TimeProvider) : null;
            _ownedBudget = budget;
        }

        var transport = new PerplexityTransport(httpClient, settings, budget);
        _transport = transport;
        var waits = new WaitServices(settings.TimeProvider, settings.Logger, settings.Redactor, defaultPolling);
        var agentWaits = new WaitServices(settings.TimeProvider, settings.Logger, settings.Redactor, agentPolling);
        Agent = new AgentClient(transport, agentWaits, settings.CancelAbandonedRuns);
        Sonar = new AsyncCompletionsClient(transport, AsyncRoutes.Sonar, waits);
        ChatCompletions = new AsyncCompletionsClient(transport, AsyncRoutes.ChatCompletions, waits);
    }

    /// <summary>
    /// The Agent API's background runs (<c>/v1/agent</c>, <c>/v1/responses</c>): create, get, cancel, wait, watch, run.
    /// What long jobs run on since Perplexity retired the async chat-completions routes on 2026-09-27.
    /// </summary>
    public virtual AgentClient Agent { get; }

    /// <summary>The current routes: <c>/v1/async/sonar</c>. The completion adds images and related questions.</summary>
    public virtual AsyncCompletionsClient Sonar { get; }

    /// <summary>The legacy routes: <c>/async/chat/completions</c>. Messages carry reasoning steps and tool calls.</summary>
    public virtual AsyncCompletionsClient ChatCompletions { get; }

    /// <summary>
    /// The address requests go to: <see cref="PerplexityAsyncClientOptions.BaseAddress"/>, ending with <c>/</c>. For
    /// diagnostics and adapters (the <c>IChatClient</c> metadata reports it as the provider address).
    /// </summary>
    public virtual Uri BaseAddress { get; }

    /// <summary>
    /// Disposes the <see cref="HttpClient"/> if this client created it. Calls in flight end with an
    /// <see cref="ObjectDisposedException"/>, as do calls made afterwards (a borrowed <see cref="HttpClient"/> is left open).
    /// </summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // First, so a call in flight that the disposal cancels reports the disposal rather than a timeout.
            _transport?.MarkDisposed();
            _ownedHttpClient?.Dispose();
            _ownedBudget?.Dispose();
        }
    }

    // Validated with the other options by ClientSettings, which runs first.
    private static PollingSettings DefaultPolling(PerplexityAsyncClientOptions options) =>
        options?.Polling is { } polling ? PollingSettings.Create(polling, nameof(options.Polling)) : PollingSettings.Default;

    private static PollingSettings AgentPolling(PerplexityAsyncClientOptions options) =>
        PollingSettings.Create(options?.Polling ?? AgentPollingDefaults.Options(), nameof(options.Polling));

    private static string RequireKey(string apiKey) =>
        string.IsNullOrWhiteSpace(apiKey)
            ? throw new ArgumentException(
                "An API key is required; it is null, empty or whitespace. Pass your key (pplx-…), or create the client with "
                + $"new PerplexityAsyncClient(new PerplexityAsyncClientOptions()) to read it from the {PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable} environment variable.",
                nameof(apiKey))
            : apiKey;

    // No redirects (PrimaryHandler). Deep research answers can take a while to stream; timeouts are the SDK's own, per request.
    private static HttpClient CreateHttpClient() =>
        new(PrimaryHandler.Create(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
