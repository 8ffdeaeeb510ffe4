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
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing;

/// <summary>
/// An in-memory stand-in for Perplexity's API, for tests and offline demos: the Agent API (<c>v1/agent</c>,
/// <c>v1/responses</c>) with background runs, event streams, resume and cancel, and the legacy asynchronous
/// chat-completions API (<c>v1/async/sonar</c>, <c>async/chat/completions</c>). It is an
/// <see cref="HttpMessageHandler"/>: plug it into a <see cref="PerplexityAsyncClient"/> with <see cref="CreateClient"/>,
/// into any <see cref="HttpClient"/> with <see cref="CreateHttpClient"/>, or into <c>IHttpClientFactory</c> with
/// <c>ConfigurePrimaryHttpMessageHandler(() =&gt; emulator)</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Legacy routes.</b> Create (<c>POST</c>), get (<c>GET …/{id}</c>) and list (<c>GET</c>) on both route families,
/// which share one set of jobs, with the documented JSON and errors (401 for a missing or wrong key, 404 for an unknown
/// id, 422 for a bad body). Each job moves through <c>CREATED</c> → <c>IN_PROGRESS</c> → <c>COMPLETED</c>.
/// <see cref="PerplexityEmulatorOptions.RetireLegacyRoutes"/> makes them answer the live service's 403
/// <c>chat_completions_not_available</c> instead, as they do since 2026-09-27.
/// </para>
/// <para>
/// <b>Agent API.</b> <c>POST v1/agent</c> (or <c>v1/responses</c>) validates the body as strictly as the live API
/// (unknown fields, the Anthropic <c>max_output_tokens</c> rule, <c>max_steps</c>, models and presets) and starts a
/// run: with <c>background: true</c> it answers at once with the <c>queued</c> envelope; with <c>stream: true</c> it
/// answers a <c>text/event-stream</c> of <c>data:</c>-only events that the emulator writes as their time comes; with
/// neither it answers the terminal response at once (the run's duration is skipped). <c>GET …/{id}</c> returns the
/// current snapshot (partial search output while in progress, the preset name in <c>model</c> until it completes,
/// <c>created_at</c> re-stamped on every read); <c>GET …/{id}?stream=true&amp;starting_after=N</c> replays a background
/// stream's events after N and goes on live (served on <c>v1/agent</c> too, which the live service does not confirm);
/// <c>POST …/{id}/cancel</c> answers <c>cancelling</c> and the run turns
/// <c>cancelled</c> a little later. Every answer carries <c>x-request-id</c> and <c>x-ratelimit-*</c>; errors use the
/// <c>{"error":{"message","type","code","param"?}}</c> envelope. Runs are kept until <see cref="Reset"/>.
/// </para>
/// <para>
/// Jobs and runs move on the emulator's <see cref="TimeProvider"/>; their state is computed from the clock whenever
/// they are read, so a test with a <c>FakeTimeProvider</c> advances time instead of waiting. A stream read with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> waits on that clock for its next event: advance the fake
/// clock while a read is pending (or advance past the run's end first, and the whole stream is there at once). The
/// waiting read resumes in the timer callback that <c>Advance</c> runs, inline when <c>Advance</c> is called from a
/// thread without a synchronization context (<c>await Task.Run(() =&gt; time.Advance(step))</c> under xUnit), so a
/// test can advance step by step until the pending read completes.
/// <see cref="Script"/> changes how jobs and runs end, <see cref="Faults"/> breaks the next requests or streams, and
/// <see cref="Requests"/> records every request.
/// </para>
/// <para>
/// Thread-safe. Disposing it does nothing (it holds no resources), so an <see cref="HttpClient"/> or
/// <c>IHttpClientFactory</c> that disposes its handler leaves the emulator, its jobs and its runs usable.
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
///
/// EmulatedAgentRun run = emulator.AddAgentRun("How do heat pumps work?", "fast");
/// time.Advance(TimeSpan.FromSeconds(4));
/// using var http = emulator.CreateHttpClient();
/// http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pplx-test");
/// string json = await http.GetStringAsync($"v1/responses/{run.Id}"); // "status":"completed", usage, search_results…
/// </code>
/// </example>
public sealed class PerplexityEmulator : HttpMessageHandler
{
    private readonly EmulatorSettings _settings;
    private readonly JobStore _store;
    private readonly RequestDispatcher _dispatcher;
    private readonly AgentRunStore _agentStore;
    private readonly AgentDispatcher _agentDispatcher;
    private readonly FaultApplier _faultApplier;
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
        _agentStore = new AgentRunStore(_settings);
        Faults = new EmulatorFaults();
        _agentDispatcher = new AgentDispatcher(_settings, _agentStore, Faults);
        Script = new EmulatorScript(_store, _agentStore);
        _faultApplier = new FaultApplier(_settings.TimeProvider, _agentDispatcher, DispatchAsync);
    }

    /// <summary>The clock jobs move on: the one the options gave.</summary>
    public TimeProvider TimeProvider => _settings.UserTimeProvider;

    /// <summary>The address the emulator serves, ending with <c>/</c>; <see cref="CreateClient"/> points clients at it.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>How jobs and Agent runs end and how long they take.</summary>
    public EmulatorScript Script { get; }

    /// <summary>Errors, timeouts, broken connections and broken streams for the next requests.</summary>
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

    /// <summary>Every Agent run created or added so far, oldest first, as they are now.</summary>
    public IReadOnlyList<EmulatedAgentRun> AgentRuns => _agentStore.Snapshot();

    /// <summary>
    /// Adds a background Agent run as if it had been created now (with <c>background: true</c>), without a request:
    /// for tests of code that only polls, resumes or cancels runs. Scripts apply to it as to a created run, and its
    /// stream can be resumed with <c>GET v1/responses/{id}?stream=true&amp;starting_after=N</c>.
    /// </summary>
    /// <param name="prompt">The question; the generated answer and sources are about it.</param>
    /// <param name="presetOrModel">
    /// A preset (<c>fast</c>, <c>low</c>, <c>medium</c>, <c>high</c>, <c>xhigh</c> or a previous name such as
    /// <c>deep-research</c>) or a catalogue model such as <c>openai/gpt-5.2</c>. Defaults to <c>medium</c>.
    /// </param>
    /// <param name="id">The run's id, <c>resp_</c> followed by 1 to 100 letters, digits, <c>_</c> or <c>-</c>; <c>resp_</c> and a new GUID when null.</param>
    /// <returns>The run as it is now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> or <paramref name="presetOrModel"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="presetOrModel"/> is neither a preset nor a catalogue model, or <paramref name="id"/> is malformed
    /// or the id of a run that already exists.
    /// </exception>
    public EmulatedAgentRun AddAgentRun(string prompt, string presetOrModel = EmulatorDefaults.AgentPreset, string? id = null)
    {
        if (prompt is null)
        {
            throw new ArgumentNullException(nameof(prompt));
        }

        var run = _agentStore.Add(prompt, presetOrModel ?? throw new ArgumentNullException(nameof(presetOrModel)), id);
        return _agentStore.Read(now => EmulatedAgentRun.From(run, now));
    }

    /// <summary>
    /// Closes the replay window of an Agent run now: from now on resuming its stream with <c>starting_after</c>
    /// answers 400 <c>reconnect cursor expired</c>, as the live API does once the (undocumented) window has passed.
    /// </summary>
    /// <param name="id">The run's id.</param>
    /// <exception cref="ArgumentException">There is no run with <paramref name="id"/>.</exception>
    public void ExpireAgentReplay(string id) => _agentStore.ExpireReplay(id ?? throw new ArgumentNullException(nameof(id)));

    /// <summary>Forgets every job, Agent run, script, fault, recorded request and the rate-limit window.</summary>
    public void Reset()
    {
        _store.Reset();
        _agentStore.Reset();
        _agentDispatcher.Reset();
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
    /// The client's settings, copied (the object is not changed). What they leave unset comes from the emulator: the
    /// API key (null or blank: the key the emulator accepts, or <c>pplx-emulator</c>), the base address (the default
    /// <see cref="PerplexityAsyncClientOptions.DefaultBaseAddress"/>: the emulator's <see cref="BaseAddress"/>) and the
    /// clock (<see cref="TimeProvider.System"/>: the emulator's <see cref="TimeProvider"/>, so a fake clock drives both).
    /// When null, all three come from the emulator.
    /// </param>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is invalid.</exception>
    public PerplexityAsyncClient CreateClient(PerplexityAsyncClientOptions? options = null)
    {
        var settings = options?.Copy() ?? new PerplexityAsyncClientOptions();
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            settings.ApiKey = _settings.ApiKey ?? EmulatorDefaults.ApiKey;
        }

        if (settings.BaseAddress is null || settings.BaseAddress == PerplexityAsyncClientOptions.DefaultBaseAddress)
        {
            settings.BaseAddress = BaseAddress;
        }

        // The emulator's own clock, tracked, so RunUntilCompletedAsync sees the client's delays.
        if (settings.TimeProvider is null || ReferenceEquals(settings.TimeProvider, TimeProvider.System)
            || ReferenceEquals(settings.TimeProvider, _settings.UserTimeProvider))
        {
            settings.TimeProvider = _settings.TimeProvider;
        }

        return new PerplexityAsyncClient(CreateHttpClient(), settings);
    }

#if NET
    /// <summary>
    /// Drives <paramref name="task"/> (a wait, a run, a watch or a stream on a client from <see cref="CreateClient"/>)
    /// to its end on the emulator's <c>FakeTimeProvider</c> and returns its result: whenever the code is blocked on a
    /// delay, the clock moves exactly to the earliest pending timer, so polls, backoff, queued and running phases pass
    /// in the order the code asked for them, and a test needs no loop of its own.
    /// </summary>
    /// <typeparam name="T">The task's result.</typeparam>
    /// <param name="task">The call to drive, started but not awaited.</param>
    /// <param name="cancellationToken">Stops driving (the task itself is not cancelled).</param>
    /// <returns>The task's result; its exception, when it fails.</returns>
    /// <exception cref="InvalidOperationException">
    /// The emulator's clock is not a <c>FakeTimeProvider</c>, or the task did not end within 10,000 timer steps.
    /// </exception>
    /// <exception cref="TimeoutException">
    /// For 15 seconds of real time the code neither ended nor started a timer on the emulator's clock (it waits on
    /// something else: another clock, or a client not created by <see cref="CreateClient"/>).
    /// </exception>
    /// <example>
    /// <code>
    /// var time = new FakeTimeProvider();
    /// var emulator = new PerplexityEmulator(time);
    /// using var client = emulator.CreateClient();
    /// AgentResponse done = await emulator.RunUntilCompletedAsync(
    ///     client.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "Why is the sky blue?" }, CancellationToken.None),
    ///     CancellationToken.None);
    /// </code>
    /// </example>
    public async Task<T> RunUntilCompletedAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        await DriveAsync(task, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Drives <paramref name="task"/> to its end on the emulator's <c>FakeTimeProvider</c>, as
    /// <see cref="RunUntilCompletedAsync{T}(Task{T}, CancellationToken)"/> does, for a task without a result.
    /// </summary>
    /// <param name="task">The call to drive, started but not awaited.</param>
    /// <param name="cancellationToken">Stops driving (the task itself is not cancelled).</param>
    /// <returns>A task that ends as <paramref name="task"/> does.</returns>
    /// <exception cref="InvalidOperationException">The emulator's clock is not a <c>FakeTimeProvider</c>, or too many steps.</exception>
    /// <exception cref="TimeoutException">The code waits on something other than the emulator's clock.</exception>
    public async Task RunUntilCompletedAsync(Task task, CancellationToken cancellationToken)
    {
        await DriveAsync(task, cancellationToken).ConfigureAwait(false);
        await task.ConfigureAwait(false);
    }

    private async Task DriveAsync(Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var fake = _settings.UserTimeProvider as Microsoft.Extensions.Time.Testing.FakeTimeProvider
            ?? throw new InvalidOperationException(
                $"RunUntilCompletedAsync moves a FakeTimeProvider, and this emulator runs on {_settings.UserTimeProvider.GetType().Name}: "
                + "create it with new PerplexityEmulator(new FakeTimeProvider()).");
        var clock = _settings.TimeProvider;
        clock.Watch(task);
        for (var step = 0; ; step++)
        {
            if (!await clock.WaitUntilSettledAsync(task, EmulatorDefaults.DriveRealTimeLimit, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException(
                    $"The task neither ended nor started a timer on the emulator's clock within {EmulatorDefaults.DriveRealTimeLimit.TotalSeconds:0} s "
                    + "of real time: it waits on something else (another clock, or a client not created by CreateClient).");
            }

            if (task.IsCompleted)
            {
                return;
            }

            if (step == EmulatorDefaults.DriveMaxSteps)
            {
                throw new InvalidOperationException($"The task did not end within {EmulatorDefaults.DriveMaxSteps} timer steps.");
            }

            var next = clock.TakeStep()
                ?? throw new InvalidOperationException("The task is blocked, but no timer on the emulator's clock is pending: nothing can move it.");
            var now = fake.GetUtcNow();
            fake.Advance(next > now ? next - now : TimeSpan.Zero);
        }
    }
#endif

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

        _settings.TimeProvider.MarkEvent();

        var response = Faults.TakeFor(request.Method) is { } fault
            ? await _faultApplier.ApplyAsync(fault, request, body, cancellationToken).ConfigureAwait(false)
            : await DispatchAsync(request, body, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        recorded.Answered(response.StatusCode);
        return response;
    }

    private async Task<HttpResponseMessage> DispatchAsync(HttpRequestMessage request, string? body, CancellationToken cancellationToken)
    {
        if (_agentDispatcher.Match(request.RequestUri) is { } match)
        {
            return await _agentDispatcher.DispatchAsync(match, request, body, cancellationToken).ConfigureAwait(false);
        }

        return _settings.Agent.RetireLegacyRoutes && LegacyRetirement.IsRetired(request.RequestUri, BaseAddress)
            ? LegacyRetirement.Answer()
            : _dispatcher.Dispatch(request, body);
    }
}
