namespace Perplexity.Async.Waiting;

/// <summary>
/// A wait whose rounds are long-lived connections (a stream segment) rather than single polls: a round that made
/// progress before it failed (it delivered new events, then the connection dropped) starts the backoff and the failure
/// budget afresh, so one drop after an hour of healthy streaming reconnects at once instead of after the delay the
/// hour's earlier drops had grown to. The overall timeout still counts from the start of the wait.
/// </summary>
internal interface IResumableWaitRound : IWaitRound
{
    /// <summary>Whether the round made progress since this was last asked; asking resets it.</summary>
    bool TakeProgress();
}
