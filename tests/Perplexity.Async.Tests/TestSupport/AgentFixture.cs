using System.IO;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Reads the Agent API fixtures (Fixtures/agent), written from the shapes in shared/spec/agent-api/README.md.</summary>
internal static class AgentFixture
{
    /// <summary>Every fixture that holds a whole run (the 32-key live envelope).</summary>
    public static readonly string[] Responses =
    [
        "queued.json",
        "in-progress.json",
        "completed.json",
        "cancelled.json",
        "incomplete.json",
        "failed.json",
        "every-output-item.json",
    ];

    /// <summary>The 32 top-level keys of every live response, in the service's (alphabetical) order.</summary>
    public static readonly string[] EnvelopeKeys =
    [
        "background", "completed_at", "created_at", "error", "frequency_penalty", "id", "incomplete_details", "instructions",
        "max_output_tokens", "max_tool_calls", "metadata", "model", "object", "output", "parallel_tool_calls",
        "presence_penalty", "previous_response_id", "prompt_cache_key", "reasoning", "safety_identifier", "service_tier",
        "status", "store", "temperature", "text", "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "usage", "user",
    ];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "agent", name));

    public static AgentResponse Response(string name) => PerplexityJson.Deserialize<AgentResponse>(Read(name));

    /// <summary>The JSON payloads of the <c>data:</c> lines of stream-events.txt, in order.</summary>
    public static IReadOnlyList<string> StreamEvents() =>
        Read("stream-events.txt").Split('\n')
            .Where(line => line.StartsWith("data: ", StringComparison.Ordinal))
            .Select(line => line.Substring("data: ".Length))
            .ToList();
}
