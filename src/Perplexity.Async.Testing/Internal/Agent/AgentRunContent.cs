using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>Everything a run will output, planned when it is created so every read and replay agrees.</summary>
internal sealed class AgentRunContent
{
    public required IReadOnlyList<RunOutputItem> Items { get; init; }

    /// <summary>The index of the message in <see cref="Items"/>; -1 for a run that writes none.</summary>
    public int MessageIndex { get; init; } = -1;

    /// <summary>The answer in word-sized chunks, one per <c>output_text.delta</c>; concatenated they are <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Chunks { get; init; } = [];

    /// <summary>The message's final text (half the answer for an incomplete run).</summary>
    public string Text { get; init; } = string.Empty;

    public required RunUsage Usage { get; init; }

    /// <summary>The resolved tools the envelope echoes once the run has started, each as raw JSON.</summary>
    public IReadOnlyList<string> ToolsJson { get; init; } = [];
}
