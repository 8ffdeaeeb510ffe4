using System;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// What a script says about an Agent run; a null member means "as configured". Immutable: every builder call
/// makes a new one.
/// </summary>
internal sealed record AgentScript
{
    public const string DefaultErrorCode = "internal_error";
    public const string DefaultErrorType = "internal_error";
    public const string DefaultErrorMessage = "The run failed because of an internal error (emulated).";

    public static readonly AgentScript Empty = new();

    public TimeSpan? Queued { get; init; }

    public TimeSpan? Running { get; init; }

    public AgentOutcome Outcome { get; init; } = AgentOutcome.Complete;

    /// <summary>The answer text of a completed (or, cut in half, incomplete) run; null for a generated one.</summary>
    public string? Text { get; init; }

    public string ErrorCode { get; init; } = DefaultErrorCode;

    public string ErrorType { get; init; } = DefaultErrorType;

    public string ErrorMessage { get; init; } = DefaultErrorMessage;

    /// <summary>The function a <see cref="AgentOutcome.CallFunction"/> run calls; null otherwise.</summary>
    public string? FunctionName { get; init; }

    /// <summary>The arguments of that call, as JSON text.</summary>
    public string FunctionArguments { get; init; } = "{}";

    /// <summary>How long after the run ended its stream can be resumed; null for the configured window.</summary>
    public TimeSpan? ReplayWindow { get; init; }
}
