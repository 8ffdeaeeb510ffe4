using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// An in-memory stand-in for Perplexity's asynchronous chat-completions API, for tests and offline demos. It is
/// an <see cref="HttpMessageHandler"/>: plug it into a <see cref="PerplexityAsyncClient"/> with
/// <see cref="CreateClient"/>, or into <c>IHttpClientFactory</c> with
/// <c>ConfigurePrimaryHttpMessageHandler(() =&gt; emulator)</c>.
/// </summary>
/// <remarks>
/// <para>
/// It serves create (<c>POST</c>), get (<c>GET …/{id}</c>) and list (<c>GET</c>) on both route families,
/// <c>v1/async/sonar</c> and <c>async/chat/completions</c>, which share one set of jobs, with the documented JSON
/// and errors (401 for a missing or wrong key, 404 for an unknown id, 422 for a bad body). Each job moves
/// through <c>CREATED</c> → <c>IN_PROGRESS</c> → <c>COMPLETED</c> on the emulator's <see cref="TimeProvider"/>;
/// the status is computed from the clock whenever a job is read, so a test with a <c>FakeTimeProvider</c>
/// advances time instead of waiting. <see cref="Script"/> changes how jobs end, <see cref="Faults"/> breaks the
/// next requests, and <see cref="Requests"/> records every request.
/// </para>
/// <para>
/// Thread-safe. Disposing it does nothing (it holds no resources), so an <see cref="HttpClient"/> or
/// <c>IHttpClientFactory</c> that disposes its handler leaves the emulator, and its jobs, usable.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var time = new FakeTimeProvider();
/// var emulator = new PerplexityEmulator(time);
/// using var client = emulator.CreateClient();
/// EmulatedJob job = emulator.AddJob("How do heat pumps work?");
/// time.Advance(TimeSpan.FromSeconds(4));
/// AsyncApiChatCompletionsResponse result = await client.Sonar.GetAsync(job.Id);
/// // result.Status == AsyncProcessingStatus.Completed; result.Response!.Text is a generated, cited answer.
/// </code>
/// </example>
public sealed class PerplexityEmulator : HttpMessageHandler
{
    private readonly EmulatorSettings _settings;
    private readonly JobStore _store;
    private readonly RequestDispatcher _dispatcher;
    private readonly object _requestsGate = new();
    private readonly List<RecordedRequest> _requests = new();

    /// <summary>Creates an emulator with default options: the system clock, jobs that take about 4 seconds.</summary>
    public PerplexityEmulator()
        : this(new PerplexityEmulatorOptions())
    {
    }

    /// <summary>Creates an emulator on <paramref name="timeProvider"/>, with the other options at their defaults.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public PerplexityEmulator(TimeProvider timeProvider)
        : this(new PerplexityEmulatorOptions { TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)) })
    {
    }

    /// <summary>Creates an emulator with <paramref name="options"/>, which are copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public PerplexityEmulator(PerplexityEmulatorOptions options)
    {
        _settings = new EmulatorSettings(options);
        _store = new JobStore(_settings);
        _dispatcher = new RequestDispatcher(_settings, _store);
        Script = new EmulatorScript(_store);
        Faults = new EmulatorFaults();
    }

    /// <summary>The clock jobs move on.</summary>
    public TimeProvider TimeProvider => _settings.TimeProvider;

    /// <summary>The address the emulator serves, ending with <c>/</c>; <see cref="CreateClient"/> points clients at it.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>How jobs end and how long they take.</summary>
    public EmulatorScript Script { get; }

    /// <summary>Errors, timeouts and broken connections for the next requests.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Every job still held (created less than <see cref="PerplexityEmulatorOptions.Retention"/> ago), oldest first, as they are now.</summary>
    public IReadOnlyList<EmulatedJob> Jobs => _store.Snapshot();

    /// <summary>
    /// Adds a job as if it had been created now, without a request: for tests of code that only reads jobs.
    /// Scripts apply to it as to a created job.
    /// </summary>
    /// <param name="prompt">The question; the generated answer is about it.</param>
    /// <param name="model">The model. Defaults to <c>sonar-deep-research</c>.</param>
    /// <param name="id">The job's id; a new GUID when null.</param>
    /// <returns>The job as it is now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> or <paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, contains <c>/</c>, or is the id of a job that already exists.</exception>
    public EmulatedJob AddJob(string prompt, string model = EmulatorDefaults.Model, string? id = null)
    {
        if (prompt is null)
        {
            throw new ArgumentNullException(nameof(prompt));
        }

        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (id is not null && (string.IsNullOrWhiteSpace(id) || id.IndexOf('/') >= 0 || id is "." or ".."))
        {
            throw new ArgumentException($"'{id}' cannot be a job id: it must be non-empty, not a dot segment, and without '/'.", nameof(id));
        }

        var job = _store.Create(new CreateRequest { Model = model, Prompt = prompt }, route: null, id);
        return _store.Read(now => job.Snapshot(now));
    }

    /// <summary>Forgets every job, script, fault and recorded request.</summary>
    public void Reset()
    {
        _store.Reset();
        Faults.Clear();
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>
    /// Creates a <see cref="PerplexityAsyncClient"/> that talks to this emulator. Disposing the client leaves the
    /// emulator usable.
    /// </summary>
    /// <param name="options">
    /// The client's settings, used as given. When null: the API key the emulator accepts (or <c>pplx-emulator</c>),
    /// <see cref="BaseAddress"/> and the emulator's <see cref="TimeProvider"/>, so a fake clock drives both.
    /// </param>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is invalid.</exception>
    public PerplexityAsyncClient CreateClient(PerplexityAsyncClientOptions? options = null)
    {
        options ??= new PerplexityAsyncClientOptions
        {
            ApiKey = _settings.ApiKey ?? EmulatorDefaults.ApiKey,
            BaseAddress = BaseAddress,
            TimeProvider = TimeProvider,
        };
        return new PerplexityAsyncClient(CreateHttpClient(), options);
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> over this emulator, with <see cref="BaseAddress"/> and no timeout of its
    /// own (a hung request ends when it is cancelled). Disposing it leaves the emulator usable.
    /// </summary>
    public HttpClient CreateHttpClient() =>
        new(this, disposeHandler: false) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
#if NET
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
        var recorded = new RecordedRequest(request, body, TimeProvider.GetUtcNow());
        lock (_requestsGate)
        {
            _requests.Add(recorded);
        }

        var response = Faults.TakeFor(request.Method) is { } fault
            ? await ApplyAsync(fault, request, body, cancellationToken).ConfigureAwait(false)
            : _dispatcher.Dispatch(request, body);
        response.RequestMessage = request;
        recorded.Answered(response.StatusCode);
        return response;
    }

    private async Task<HttpResponseMessage> ApplyAsync(Fault fault, HttpRequestMessage request, string? body, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.Respond:
                return FaultResponse(fault);
            case FaultKind.TimeOut:
                throw new TaskCanceledException(
                    "The request was canceled due to the configured HttpClient.Timeout elapsing (emulated).",
                    new TimeoutException("The operation was canceled (emulated timeout)."));
            case FaultKind.FailConnection:
                throw new HttpRequestException(
                    "No connection could be made because the target machine actively refused it (emulated).",
                    new SocketException((int)SocketError.ConnectionRefused));
            case FaultKind.Hang:
                await WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            default:
                await WaitAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
                return _dispatcher.Dispatch(request, body);
        }
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET
        return Task.Delay(delay, TimeProvider, cancellationToken);
#else
        return TimeProvider.Delay(delay, cancellationToken);
#endif
    }

    private static HttpResponseMessage FaultResponse(Fault fault)
    {
        var status = (int)fault.StatusCode;
        HttpResponseMessage response;
        if (fault.Body is null)
        {
            response = RequestDispatcher.Json(fault.StatusCode, EmulatorJson.Error(DefaultMessage(status), DefaultType(status), status));
        }
        else
        {
            response = new HttpResponseMessage(fault.StatusCode) { Content = new StringContent(fault.Body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fault.MediaType);
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static string DefaultMessage(int status) => status switch
    {
        429 => "Rate limit exceeded. Please slow down (emulated).",
        >= 500 => "The server had an error while processing your request (emulated).",
        _ => $"The request failed with status {status} (emulated).",
    };

    private static string DefaultType(int status) => status switch
    {
        429 => "rate_limit_exceeded",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
