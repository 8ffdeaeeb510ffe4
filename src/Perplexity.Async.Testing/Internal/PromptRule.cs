using System;

namespace Perplexity.Async.Testing.Internal;

/// <summary>A script for every job whose prompt matches; only touched under the store's lock.</summary>
internal sealed class PromptRule
{
    public PromptRule(Func<string, bool> matches) => Matches = matches;

    public Func<string, bool> Matches { get; }

    public JobScript Script { get; set; } = JobScript.Empty;
}
