using System;

namespace Perplexity.Async.Budget;

/// <summary>
/// A validated copy of <see cref="RequestBudgetOptions"/>, and the token bucket's shape derived from it: permits are
/// added <see cref="PermitsPerReplenishment"/> at a time every <see cref="ReplenishmentPeriod"/>, a whole number at most
/// <see cref="RequestBudgetDefaults.MaxReplenishmentsPerSecond"/> times a second, so the rate is exactly
/// <see cref="RequestsPerSecond"/>. A record: two clients of one name share a budget only while their settings are equal.
/// </summary>
internal sealed record RequestBudgetSettings
{
    private RequestBudgetSettings(RequestBudgetOptions options)
    {
        RequestsPerSecond = options.RequestsPerSecond;
        Burst = options.Burst;
        QueueLimit = options.QueueLimit;
        MaxQueueTime = options.MaxQueueTime;

        // Permits are earned back a whole number at a time: the period is the time those permits take at the rate.
        var perReplenishment = (int)Math.Ceiling(RequestsPerSecond / RequestBudgetDefaults.MaxReplenishmentsPerSecond);
        PermitsPerReplenishment = Math.Max(1, Math.Min(Burst, perReplenishment));
        ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(PermitsPerReplenishment / RequestsPerSecond * TimeSpan.TicksPerSecond)));
    }

    public double RequestsPerSecond { get; }

    public int Burst { get; }

    public int QueueLimit { get; }

    public TimeSpan MaxQueueTime { get; }

    /// <summary>How many spent permits one period earns back.</summary>
    public int PermitsPerReplenishment { get; }

    /// <summary>The period: <see cref="PermitsPerReplenishment"/> ÷ <see cref="RequestsPerSecond"/>.</summary>
    public TimeSpan ReplenishmentPeriod { get; }

    /// <summary>Copies options the client's validator has accepted; null for no budget.</summary>
    public static RequestBudgetSettings? From(RequestBudgetOptions? options) => options is null ? null : new RequestBudgetSettings(options);
}
