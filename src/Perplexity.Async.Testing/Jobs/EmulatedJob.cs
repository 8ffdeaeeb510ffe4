using System;

namespace Perplexity.Async.Testing;

/// <summary>
/// A job held by a <see cref="PerplexityEmulator"/>, as it was when read: what was asked, when it was created and
/// its planned timeline. Get them from <see cref="PerplexityEmulator.Jobs"/> or <see cref="PerplexityEmulator.AddJob"/>.
/// </summary>
public sealed class EmulatedJob
{
    internal EmulatedJob(
        string id,
        string model,
        string prompt,
        string? route,
        string? idempotencyKey,
        string? requestJson,
        DateTimeOffset createdAt,
        DateTimeOffset startsAt,
        DateTimeOffset? finishesAt,
        AsyncProcessingStatus status)
    {
        Id = id;
        Model = model;
        Prompt = prompt;
        Route = route;
        IdempotencyKey = idempotencyKey;
        RequestJson = requestJson;
        CreatedAt = createdAt;
        StartsAt = startsAt;
        FinishesAt = finishesAt;
        Status = status;
    }

    /// <summary>The job's id.</summary>
    public string Id { get; }

    /// <summary>The model asked for.</summary>
    public string Model { get; }

    /// <summary>The text of the last user message (empty when there is none).</summary>
    public string Prompt { get; }

    /// <summary>
    /// The route it was created on (<c>v1/async/sonar</c> or <c>async/chat/completions</c>); <see langword="null"/>
    /// for a job added with <see cref="PerplexityEmulator.AddJob"/>. Either route family can read any job.
    /// </summary>
    public string? Route { get; }

    /// <summary>The <c>idempotency_key</c> it was created with, if any.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The <c>request</c> object of the create call, as sent; <see langword="null"/> for an added job.</summary>
    public string? RequestJson { get; }

    /// <summary>When it was created, on the emulator's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it becomes (or became) <c>IN_PROGRESS</c>.</summary>
    public DateTimeOffset StartsAt { get; }

    /// <summary>When it becomes (or became) <c>COMPLETED</c> or <c>FAILED</c>; <see langword="null"/> if it never finishes.</summary>
    public DateTimeOffset? FinishesAt { get; }

    /// <summary>Its status when this snapshot was taken.</summary>
    public AsyncProcessingStatus Status { get; }

    /// <summary>Describes the job for test output.</summary>
    public override string ToString() => $"{Id} ({Model}, {Status}): {Prompt}";
}
