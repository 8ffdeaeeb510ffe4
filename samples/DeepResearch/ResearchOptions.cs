using Perplexity.Async;

namespace DeepResearch;

/// <summary>What to ask and how to show it.</summary>
/// <param name="Question">The question.</param>
/// <param name="BackendDescription">The first line of output: which backend answers.</param>
/// <param name="Style">A spinner for a terminal, plain lines for redirected output.</param>
/// <param name="Legacy">Ask the retired async chat-completions route (<c>--legacy</c>) instead of the Agent API.</param>
internal sealed record ResearchOptions(string Question, string BackendDescription, StatusStyle Style, bool Legacy = false)
{
    /// <summary>The Agent API preset: <c>medium</c> is what Perplexity maps sonar-deep-research to (about 40 s a run).</summary>
    public AgentPreset Preset { get; init; } = AgentPreset.Medium;
}
