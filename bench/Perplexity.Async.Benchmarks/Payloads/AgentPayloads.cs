using System;
using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>The generated Agent API payloads, built once per process so every benchmark reads the very same bytes.</summary>
public static class AgentPayloads
{
    private static readonly Dictionary<AgentPayloadKind, byte[]> Cache = new()
    {
        [AgentPayloadKind.Queued] = AgentPayloadGenerator.Queued(),
        [AgentPayloadKind.DeepResearch] = AgentPayloadGenerator.DeepResearch(),
    };

    /// <summary>The UTF-8 JSON body of a payload.</summary>
    public static byte[] Get(AgentPayloadKind kind) =>
        Cache.TryGetValue(kind, out var bytes) ? bytes : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload.");
}
