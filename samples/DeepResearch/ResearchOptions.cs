namespace DeepResearch;

/// <summary>What to ask and how to show it.</summary>
/// <param name="Question">The question for the deep-research model.</param>
/// <param name="BackendDescription">The first line of output: which backend answers.</param>
/// <param name="Style">A spinner for a terminal, plain lines for redirected output.</param>
internal sealed record ResearchOptions(string Question, string BackendDescription, StatusStyle Style);
