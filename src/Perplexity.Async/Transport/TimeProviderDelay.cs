using System;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Transport;

/// <summary>A delay on a <see cref="TimeProvider"/>, on every target framework.</summary>
internal static class TimeProviderDelay
{
    public static Task Wait(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }
}
