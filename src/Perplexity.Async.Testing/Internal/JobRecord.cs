using System;
using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// A job's mutable state inside the store. Its status is never stored: it is computed from the timeline and the
/// clock when asked, so no timers run. Only touched under the store's lock.
/// </summary>
internal sealed class JobRecord
{
    private readonly Dictionary<RouteFamily, CompletionResponse> _responses = new();

    public JobRecord(string id, long sequence, CreateRequest request, string? route, DateTimeOffset createdAt)
    {
        Id = id;
        Sequence = sequence;
        Request = request;
        Route = route;
        CreatedAt = createdAt;
        Script = JobScript.Empty;
    }

    public string Id { get; }

    /// <summary>Creation order; the list endpoint pages on it, newest first.</summary>
    public long Sequence { get; }

    public CreateRequest Request { get; }

    public string? Route { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset StartAt { get; private set; }

    public TimeSpan RunningDuration { get; private set; }

    /// <summary>When it finishes; null while it is scripted never to finish.</summary>
    public DateTimeOffset? FinishAt { get; private set; }

    public JobScript Script { get; private set; }

    public AsyncProcessingStatus StatusAt(DateTimeOffset now)
    {
        if (now < StartAt)
        {
            return AsyncProcessingStatus.Created;
        }

        if (FinishAt is not { } finish || now < finish)
        {
            return AsyncProcessingStatus.InProgress;
        }

        return Script.Outcome == OutcomeKind.Fail ? AsyncProcessingStatus.Failed : AsyncProcessingStatus.Completed;
    }

    /// <summary>Plans a new job's timeline from its script and the emulator's durations.</summary>
    public void Plan(JobScript script, EmulatorSettings settings)
    {
        Script = script;
        StartAt = CreatedAt + (script.Queued ?? settings.QueuedDuration);
        RunningDuration = script.Running ?? settings.RunningDuration;
        FinishAt = script.Outcome == OutcomeKind.NeverFinish ? null : StartAt + RunningDuration;
    }

    /// <summary>
    /// Re-plans a live job from <paramref name="now"/> on: what it has already been seen doing stays true, so its
    /// status never moves backwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">The job has already finished.</exception>
    public void Replan(JobScript script, DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status.IsTerminal)
        {
            throw new InvalidOperationException(
                $"Job '{Id}' is already {status}; script a job before it finishes (or use a longer RunningDuration).");
        }

        if (status == AsyncProcessingStatus.Created && script.Queued is { } queued)
        {
            StartAt = Max(now, CreatedAt + queued);
        }

        if (script.Running is { } running)
        {
            RunningDuration = running;
        }

        Script = script;
        FinishAt = script.Outcome == OutcomeKind.NeverFinish ? null : Max(now, StartAt + RunningDuration);
        _responses.Clear();
    }

    /// <summary>The completion served on a route family, built once so every read returns the same one.</summary>
    public CompletionResponse ResponseFor(RouteFamily family, DateTimeOffset now)
    {
        if (!_responses.TryGetValue(family, out var response))
        {
            response = Script.Response is { } factory
                ? factory(Snapshot(now)) ?? throw new InvalidOperationException($"The scripted response factory for job '{Id}' returned null.")
                : ResearchAnswerGenerator.Generate(this, family);
            _responses[family] = response;
        }

        return response;
    }

    public EmulatedJob Snapshot(DateTimeOffset now) =>
        new(Id, Request.Model, Request.Prompt, Route, Request.IdempotencyKey, Request.RequestJson, CreatedAt, StartAt, FinishAt, StatusAt(now));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
