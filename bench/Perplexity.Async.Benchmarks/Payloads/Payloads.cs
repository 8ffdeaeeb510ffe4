using System;
using System.Collections.Generic;
using System.Text;

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

    /// <summary>
    /// A payload whose envelope names <paramref name="requestId"/> instead of its own id: the SDK checks that a GET's
    /// answer is the job it asked for, so a stub that answers several ids must answer each with its own.
    /// </summary>
    public static byte[] WithRequestId(PayloadKind kind, string requestId)
    {
        var json = Encoding.UTF8.GetString(Get(kind));
        var own = "\"id\":\"" + RequestId(kind) + "\"";
        if (!json.Contains(own))
        {
            throw new InvalidOperationException($"The {kind} payload does not carry its own id.");
        }

        return Encoding.UTF8.GetBytes(json.Replace(own, "\"id\":\"" + requestId + "\""));
    }
}
