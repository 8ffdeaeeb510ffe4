namespace Perplexity.Async.Testing.Internal;

/// <summary>How a scripted job ends.</summary>
internal enum OutcomeKind
{
    /// <summary>It completes: with a scripted response, or with a generated one when none is given.</summary>
    Complete,

    /// <summary>It fails with a message.</summary>
    Fail,

    /// <summary>It starts and stays <c>IN_PROGRESS</c>.</summary>
    NeverFinish,
}
