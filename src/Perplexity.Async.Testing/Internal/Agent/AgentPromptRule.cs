using System;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>A script for every Agent run whose prompt matches; only touched under the run store's lock.</summary>
internal sealed class AgentPromptRule
{
    public AgentPromptRule(Func<string, bool> matches) => Matches = matches;

    public Func<string, bool> Matches { get; }

    public AgentScript Script { get; set; } = AgentScript.Empty;
}
