using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Perplexity.Async.Hangfire.Diagnostics;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async.Hangfire.Jobs;

/// <summary>
/// The Hangfire jobs of a durable run handled by <typeparamref name="THandler"/>: <see cref="StartAsync"/> creates it
/// once, each <see cref="CheckAsync"/> reads it once and either schedules the next check or hands the finished run to the
/// handler. Every step's progress is a job parameter in Hangfire's storage, written before the step can be repeated, so
/// a retried or re-run job (another server, after a crash) carries on where the last one stopped. docs/design.md,
/// "Durable runs on Hangfire", walks through why this is exactly once.
/// </summary>
/// <remarks>The type's and methods' names and parameters are stored in Hangfire's jobs: they never change.</remarks>
internal sealed class PerplexityRunJob<THandler>
    where THandler : IPerplexityRunHandler
{
    private readonly IServiceProvider _services;
    private readonly PerplexityHangfireOptions _options;
    private readonly ILogger _logger;

    public PerplexityRunJob(IServiceProvider services, IOptions<PerplexityHangfireOptions> options)
    {
        _services = services;
        _options = options.Value;
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Perplexity.Async.Hangfire");
    }

    /// <summary>Creates the run (unless an earlier attempt of this job did), stores its id, schedules the first check.</summary>
    /// <param name="label">The model and the start of the question, for the dashboard.</param>
    /// <param name="request">The request as the API's JSON.</param>
    /// <param name="context">Hangfire's perform context (Hangfire passes it).</param>
    /// <param name="cancellationToken">Hangfire's shutdown token; the create itself is not cancelled by it (see the body).</param>
    [JobDisplayName("Perplexity run: create ({0})")]
    [AutomaticRetry(Attempts = 10, ExceptOn = new[] { typeof(PerplexityCreateOutcomeUnknownException) })]
    public async Task StartAsync(string label, string request, PerformContext? context, CancellationToken cancellationToken)
    {
        var perform = Require(context);
        var jobId = perform.BackgroundJob.Id;
        var connection = perform.Connection;
        var runId = Read(connection, jobId, RunParameters.RunId);
        if (runId is null)
        {
            runId = await CreateOnceAsync(connection, jobId, request).ConfigureAwait(false);
        }
        else
        {
            HangfireLog.RunAlreadyCreated(_logger, jobId, runId);
        }

        if (Read(connection, jobId, RunParameters.FirstCheck) is not null)
        {
            return;
        }

        var delay = await Schedule().DelayAfterAsync(0, null).ConfigureAwait(false);
        var next = ScheduleCheck(perform, runId, jobId, check: 1, failures: 0, delay);
        Write(connection, jobId, RunParameters.FirstCheck, next);
    }

    /// <summary>Reads the run once: schedules the next check while it runs, hands it to the handler once it is finished.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="startJobId">The creating job, which keeps the run's handling state.</param>
    /// <param name="check">This check's number, from 1.</param>
    /// <param name="failures">Transient failures of the checks before this one, in a row.</param>
    /// <param name="context">Hangfire's perform context (Hangfire passes it).</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    [JobDisplayName("Perplexity run {0}: check {2}")]
    public async Task CheckAsync(
        string runId, string startJobId, int check, int failures, PerformContext? context, CancellationToken cancellationToken)
    {
        var perform = Require(context);
        var jobId = perform.BackgroundJob.Id;
        var connection = perform.Connection;
        if (Read(connection, startJobId, RunParameters.Handled) is not null)
        {
            HangfireLog.RunAlreadyHandled(_logger, runId, jobId);
            return;
        }

        if (Read(connection, jobId, RunParameters.NextCheck) is not null)
        {
            // A retry of a check that had already scheduled the next one: that one carries on.
            return;
        }

        var schedule = Schedule();
        AgentResponse state;
        try
        {
            state = await Client().Agent.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransientRule.IsTransient(ex, cancellationToken)
            && failures + 1 < (schedule.Settings.MaxConsecutiveFailures ?? int.MaxValue))
        {
            var retryAfter = ex switch
            {
                PerplexityApiException api => api.RetryAfter,
                PerplexityHandlerException handler => handler.RetryAfter,
                _ => null,
            };
            var delay = await schedule.DelayAfterAsync(check, retryAfter).ConfigureAwait(false);
            KeepStartJob(connection, startJobId);
            var retry = ScheduleCheck(perform, runId, startJobId, check + 1, failures + 1, delay);
            Write(connection, jobId, RunParameters.NextCheck, retry);
            HangfireLog.CheckFailed(_logger, check, runId, ex.GetType().Name, failures + 1, retry, delay.TotalMilliseconds, ex);
            return;
        }

        if (!AgentJobKind.Instance.IsTerminal(state))
        {
            var delay = await schedule.DelayAfterAsync(check, null).ConfigureAwait(false);
            KeepStartJob(connection, startJobId);
            var next = ScheduleCheck(perform, runId, startJobId, check + 1, failures: 0, delay);
            Write(connection, jobId, RunParameters.NextCheck, next);
            HangfireLog.CheckScheduled(_logger, runId, state.Status.Value, check, next, delay.TotalMilliseconds);
            return;
        }

        await HandleOnceAsync(connection, jobId, state, runId, startJobId, check, cancellationToken).ConfigureAwait(false);

        // The run is handled: its marks may now expire with the start job, as Hangfire expires any finished job.
        using var transaction = connection.CreateWriteTransaction();
        transaction.ExpireJob(startJobId, (perform.Storage ?? JobStorage.Current).JobExpirationTimeout);
        transaction.Commit();
    }

    /// <summary>
    /// Keeps the start job, which holds the run's marks, from expiring while the run is waited on (Hangfire expires a
    /// succeeded job after a day, and a run, or an outage of every server, can outlast that).
    /// </summary>
    private static void KeepStartJob(IStorageConnection connection, string startJobId)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.PersistJob(startJobId);
        transaction.Commit();
    }

    private static PerformContext Require(PerformContext? context) =>
        context ?? throw new InvalidOperationException("Durable Perplexity runs are Hangfire jobs: Hangfire passes the PerformContext; do not call them directly.");

    private static string? Read(IStorageConnection connection, string jobId, string name) =>
        connection.GetJobParameter(jobId, name) is { } raw ? SerializationHelper.Deserialize<string>(raw) : null;

    private static void Write(IStorageConnection connection, string jobId, string name, string value) =>
        connection.SetJobParameter(jobId, name, SerializationHelper.Serialize(value));

    private static string ScheduleCheck(
        PerformContext perform, string runId, string startJobId, int check, int failures, TimeSpan delay)
    {
        var client = new BackgroundJobClient(perform.Storage ?? JobStorage.Current);
        return client.Schedule<PerplexityRunJob<THandler>>(
            job => job.CheckAsync(runId, startJobId, check, failures, null, CancellationToken.None), delay);
    }

    /// <summary>
    /// The create, at most once per creating job: the <see cref="RunParameters.Sending"/> mark is written (under the
    /// job's lock) before the request leaves, and the run id as soon as it is answered; an attempt that finds the mark
    /// without an id cannot know whether a run was started, and stops.
    /// </summary>
    private async Task<string> CreateOnceAsync(IStorageConnection connection, string jobId, string request)
    {
        using (connection.AcquireDistributedLock(RunParameters.CreateLock(jobId), PerplexityHangfireDefaults.CreateLockTimeout))
        {
            if (Read(connection, jobId, RunParameters.Create) is RunParameters.Sending or RunParameters.Unknown)
            {
                Write(connection, jobId, RunParameters.Create, RunParameters.Unknown);
                var unknown = new PerplexityCreateOutcomeUnknownException(
                    $"Hangfire job {jobId} sent a create earlier that may have started a run, but no run id was stored (the create's "
                    + "outcome was unknown, or its process stopped before the answer was stored). It is not sent again: a second "
                    + "create would start and bill a second run. Start a new run if a duplicate is acceptable.",
                    new InvalidOperationException($"Job parameter {RunParameters.Create} of job {jobId} says a create was sent and no {RunParameters.RunId} was stored."));
                HangfireLog.CreateOutcomeUnknown(_logger, jobId, null);
                throw unknown;
            }

            Write(connection, jobId, RunParameters.Create, RunParameters.Sending);
        }

        AgentResponse created;
        try
        {
            // Not cancelled by the server's shutdown: a create cut off in flight may have started a run whose id would then
            // be unknown; Hangfire's shutdown timeout leaves it the time to answer.
            created = await Client().Agent.CreateAsync(RunRequest.Deserialize(request), CancellationToken.None).ConfigureAwait(false);
        }
        catch (PerplexityCreateOutcomeUnknownException ex)
        {
            Write(connection, jobId, RunParameters.Create, RunParameters.Unknown);
            HangfireLog.CreateOutcomeUnknown(_logger, jobId, ex);
            throw;
        }
        catch (Exception ex) when (ex is PerplexityException or ArgumentException)
        {
            // Refused (4xx), never sent, or invalid: no run was started, so Hangfire's retry may create.
            Write(connection, jobId, RunParameters.Create, RunParameters.Refused);
            throw;
        }

        // The first thing after the answer: from here on a retry of this job finds the run and never creates again.
        try
        {
            Write(connection, jobId, RunParameters.RunId, created.Id);
        }
        catch (Exception ex) when (HangfireLog.RunIdNotStored(_logger, jobId, created.Id, ex))
        {
            // Never entered: the filter logs the run id (the "sending" mark makes a retry stop, not create again).
            throw;
        }

        HangfireLog.RunCreated(_logger, jobId, created.Id);
        return created.Id;
    }

    /// <summary>
    /// Hands a finished run to the handler unless it was handled before: under the run's lock, the
    /// <see cref="RunParameters.Handled"/> mark is read, the attempt counted, the handler called, and the mark written.
    /// </summary>
    private async Task HandleOnceAsync(
        IStorageConnection connection, string jobId, AgentResponse state, string runId, string startJobId, int check, CancellationToken cancellationToken)
    {
        using (connection.AcquireDistributedLock(RunParameters.HandlingLock(runId), _options.HandlerLockTimeout))
        {
            if (Read(connection, startJobId, RunParameters.Handled) is not null)
            {
                HangfireLog.RunAlreadyHandled(_logger, runId, jobId);
                return;
            }

            var previous = Read(connection, startJobId, RunParameters.Handling);
            var attempt = (previous is null ? 0 : int.Parse(previous, NumberStyles.None, CultureInfo.InvariantCulture)) + 1;
            Write(connection, startJobId, RunParameters.Handling, attempt.ToString(CultureInfo.InvariantCulture));

            var handler = ActivatorUtilities.GetServiceOrCreateInstance<THandler>(_services);
            var context = new PerplexityRunContext(runId, startJobId) { Checks = check, Attempt = attempt };
            await handler.HandleAsync(state, context, cancellationToken).ConfigureAwait(false);

            Write(connection, startJobId, RunParameters.Handled, jobId);
            HangfireLog.RunHandled(_logger, runId, state.Status.Value, check, typeof(THandler).Name, attempt);
        }
    }

    private PerplexityAsyncClient Client() =>
        _services.GetService<PerplexityAsyncClient>()
        ?? throw new InvalidOperationException(
            "Durable Perplexity runs need a PerplexityAsyncClient in the container: call services.AddPerplexityAsync(…) next to services.AddPerplexityHangfire().");

    private CheckSchedule Schedule() =>
        new(PollingSettings.Create(_options.Polling ?? AgentPollingDefaults.Options(), nameof(PerplexityHangfireOptions.Polling)));
}
