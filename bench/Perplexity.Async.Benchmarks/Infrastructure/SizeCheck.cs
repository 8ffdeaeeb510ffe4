using System;
using Perplexity.Async.Benchmarks.Payloads;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>Keeps the generated payloads at the sizes the benchmarks promise.</summary>
public static class SizeCheck
{
    public static void Verify(PayloadKind kind, byte[] body)
    {
        var (min, max) = kind switch
        {
            PayloadKind.Created => (100, 1_000),
            PayloadKind.Sonar => (8_000, 14_000),
            PayloadKind.DeepResearch => (200_000, 400_000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload."),
        };

        if (body.Length < min || body.Length > max)
        {
            throw new InvalidOperationException($"The {kind} payload is {body.Length} bytes, outside [{min}, {max}].");
        }
    }

    public static void Verify(AgentPayloadKind kind, byte[] body)
    {
        var (min, max) = kind switch
        {
            AgentPayloadKind.Queued => (500, 1_500),
            AgentPayloadKind.DeepResearch => (200_000, 400_000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload."),
        };

        if (body.Length < min || body.Length > max)
        {
            throw new InvalidOperationException($"The Agent {kind} payload is {body.Length} bytes, outside [{min}, {max}].");
        }
    }
}
