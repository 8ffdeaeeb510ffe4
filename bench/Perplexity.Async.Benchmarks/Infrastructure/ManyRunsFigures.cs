using System;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>What one wait of <see cref="ManyRunsBenchmarks"/> measured, on its virtual clock.</summary>
/// <param name="Requests">Every request of the wait.</param>
/// <param name="MostInASecond">The most requests that arrived within any second.</param>
/// <param name="MeanPerSecond">Requests ÷ the wait's duration.</param>
/// <param name="MeanSeenDelaySeconds">The mean time between a run finishing and the poll that saw it finished.</param>
/// <param name="MaxSeenDelaySeconds">The longest such time.</param>
/// <param name="PeakHeapMegabytes">The peak managed heap during the wait, over the heap before it.</param>
/// <param name="Elapsed">The wait's duration on the virtual clock.</param>
public sealed record ManyRunsFigures(
    int Requests, int MostInASecond, double MeanPerSecond, double MeanSeenDelaySeconds, double MaxSeenDelaySeconds, double PeakHeapMegabytes, TimeSpan Elapsed);
