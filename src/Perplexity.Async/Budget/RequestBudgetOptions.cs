using System;
using Perplexity.Async.Budget;

namespace Perplexity.Async;

/// <summary>
/// One request budget for a client (<see cref="PerplexityAsyncClientOptions.RequestBudget"/>): every request it sends,
/// each retry included, first takes a permit from a token bucket that holds up to <see cref="Burst"/> permits and gains
/// <see cref="RequestsPerSecond"/> a second. The bucket slows down further when the service's
/// <c>x-ratelimit-remaining</c> / <c>x-ratelimit-reset</c> say its window is nearly spent, and empties after a 429 until
/// its <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// <para>
/// The Agent API limits requests per organisation, shared by all its keys (<c>x-ratelimit-limit: 50</c> a second was
/// observed). A client that waits on many runs, or several clients of one organisation, meet 429s without a budget.
/// Clients made by <c>AddPerplexityAsync</c> with the same name share one budget; clients of other names, and clients
/// created with <c>new</c>, have their own.
/// </para>
/// <para>
/// A request that cannot get a permit within <see cref="MaxQueueTime"/>, or finds <see cref="QueueLimit"/> requests
/// already waiting, fails with <see cref="PerplexityRequestBudgetExceededException"/>; waits treat it as transient.
/// Time is the client's <see cref="PerplexityAsyncClientOptions.TimeProvider"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var client = new PerplexityAsyncClient(new PerplexityAsyncClientOptions
/// {
///     ApiKey = key,
///     RequestBudget = new RequestBudgetOptions { RequestsPerSecond = 40, Burst = 10 },
/// });
/// </code>
/// </example>
public sealed class RequestBudgetOptions
{
    /// <summary>
    /// The steady rate, in requests a second. Defaults to 40 (four fifths of the observed limit of 50). Between 0.01
    /// and 10,000.
    /// </summary>
    public double RequestsPerSecond { get; set; } = RequestBudgetDefaults.RequestsPerSecond;

    /// <summary>
    /// How many requests an idle client may send at once, before the steady rate applies. Defaults to 10. Between 1 and
    /// 10,000.
    /// </summary>
    public int Burst { get; set; } = RequestBudgetDefaults.Burst;

    /// <summary>
    /// How many requests may wait for a permit; the next one fails at once. Defaults to 1,000. Between 0 (never wait)
    /// and 1,000,000.
    /// </summary>
    public int QueueLimit { get; set; } = RequestBudgetDefaults.QueueLimit;

    /// <summary>
    /// The longest a request waits for a permit before it fails. Defaults to 30 seconds. Between zero (never wait) and
    /// 1 day.
    /// </summary>
    public TimeSpan MaxQueueTime { get; set; } = RequestBudgetDefaults.MaxQueueTime;

    /// <summary>Describes the settings.</summary>
    public override string ToString() =>
        FormattableString.Invariant(
            $"{nameof(RequestBudgetOptions)} {{ RequestsPerSecond = {RequestsPerSecond}, Burst = {Burst}, QueueLimit = {QueueLimit}, MaxQueueTime = {MaxQueueTime} }}");
}
