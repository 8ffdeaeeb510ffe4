using System;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// Sets how the scripted jobs behave. Every call takes effect at once and returns the builder, so calls chain;
/// an outcome replaces the previous one, and a duration not set stays as configured.
/// </summary>
public sealed class JobScriptBuilder
{
    private readonly Action<Func<JobScript, JobScript>> _apply;

    internal JobScriptBuilder(Action<Func<JobScript, JobScript>> apply) => _apply = apply;

    /// <summary>How long the jobs stay <c>CREATED</c>; overrides <see cref="PerplexityEmulatorOptions.QueuedDuration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public JobScriptBuilder QueuedFor(TimeSpan duration)
    {
        var value = NonNegative(duration, nameof(duration));
        return Apply(s => s with { Queued = value });
    }

    /// <summary>How long the jobs stay <c>IN_PROGRESS</c>; overrides <see cref="PerplexityEmulatorOptions.RunningDuration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public JobScriptBuilder RunningFor(TimeSpan duration)
    {
        var value = NonNegative(duration, nameof(duration));
        return Apply(s => s with { Running = value });
    }

    /// <summary>The jobs complete with a generated deep-research answer about their prompt (the default).</summary>
    public JobScriptBuilder Complete() =>
        Apply(s => s with { Outcome = OutcomeKind.Complete, Response = null, ErrorMessage = null });

    /// <summary>The jobs complete with <paramref name="response"/>, served as given on both routes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public JobScriptBuilder CompleteWith(CompletionResponse response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        return CompleteWith(_ => response);
    }

    /// <summary>
    /// The jobs complete with the response <paramref name="responseFactory"/> builds from the job (its id, model
    /// and prompt); it is called once per job and route family when the result is first read.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="responseFactory"/> is null.</exception>
    public JobScriptBuilder CompleteWith(Func<EmulatedJob, CompletionResponse> responseFactory)
    {
        if (responseFactory is null)
        {
            throw new ArgumentNullException(nameof(responseFactory));
        }

        return Apply(s => s with { Outcome = OutcomeKind.Complete, Response = responseFactory, ErrorMessage = null });
    }

    /// <summary>The jobs end <c>FAILED</c> with <paramref name="errorMessage"/> as <c>error_message</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="errorMessage"/> is null.</exception>
    public JobScriptBuilder FailWith(string errorMessage)
    {
        if (errorMessage is null)
        {
            throw new ArgumentNullException(nameof(errorMessage));
        }

        return Apply(s => s with { Outcome = OutcomeKind.Fail, Response = null, ErrorMessage = errorMessage });
    }

    /// <summary>The jobs start and then stay <c>IN_PROGRESS</c> for ever.</summary>
    public JobScriptBuilder NeverFinish() =>
        Apply(s => s with { Outcome = OutcomeKind.NeverFinish, Response = null, ErrorMessage = null });

    private static TimeSpan NonNegative(TimeSpan duration, string name) =>
        duration >= TimeSpan.Zero ? duration : throw new ArgumentOutOfRangeException(name, duration, "A duration cannot be negative.");

    private JobScriptBuilder Apply(Func<JobScript, JobScript> update)
    {
        _apply(update);
        return this;
    }
}
