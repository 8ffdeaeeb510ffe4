using System;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// What a script says about a job; a null member means "as configured" (the emulator's durations, a generated
/// completion). Immutable: every builder call makes a new one.
/// </summary>
internal sealed record JobScript
{
    public static readonly JobScript Empty = new();

    public TimeSpan? Queued { get; init; }

    public TimeSpan? Running { get; init; }

    public OutcomeKind Outcome { get; init; } = OutcomeKind.Complete;

    /// <summary>Builds the completion of a <see cref="OutcomeKind.Complete"/> job; null for a generated one.</summary>
    public Func<EmulatedJob, CompletionResponse>? Response { get; init; }

    public string? ErrorMessage { get; init; }
}
