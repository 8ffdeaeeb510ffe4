using System;
using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>The generated payloads, built once per process so every benchmark reads the very same bytes.</summary>
public static class Payloads
{
    private static readonly Dictionary<PayloadKind, byte[]> Cache = new()
    {
        [PayloadKind.Created] = PayloadGenerator.Created(),
        [PayloadKind.Sonar] = PayloadGenerator.Sonar(),
        [PayloadKind.DeepResearch] = PayloadGenerator.DeepResearch(),
    };

    /// <summary>The UTF-8 JSON body of a payload.</summary>
    public static byte[] Get(PayloadKind kind) =>
        Cache.TryGetValue(kind, out var bytes) ? bytes : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload.");

    /// <summary>The job id inside a payload, so a GET can ask for it by name.</summary>
    public static string RequestId(PayloadKind kind) => PayloadGenerator.RequestId(kind);
}
