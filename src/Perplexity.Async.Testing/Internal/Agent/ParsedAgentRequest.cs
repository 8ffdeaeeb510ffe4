using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// What the emulator takes from a valid Agent create body. Echoed values are kept as the raw JSON that was sent
/// (null when absent), so the response envelope repeats them exactly.
/// </summary>
internal sealed record ParsedAgentRequest
{
    /// <summary>The text the answer is about: the string input, or the last user message's text.</summary>
    public required string Prompt { get; init; }

    /// <summary>The text of every <c>function_call_output</c> item of the input, in order.</summary>
    public IReadOnlyList<string> FunctionOutputs { get; init; } = [];

    /// <summary>What <c>model</c> shows before the run completes: the preset name as sent, or the model asked for.</summary>
    public required string DisplayModel { get; init; }

    /// <summary>The <c>provider/model</c> a completed run reports.</summary>
    public required string ResolvedModel { get; init; }

    /// <summary>The preset, resolved from its canonical or previous name; null for a direct model.</summary>
    public PresetSpec? Preset { get; init; }

    public bool Background { get; init; }

    public bool Stream { get; init; }

    public bool Store { get; init; } = true;

    public int? MaxOutputTokens { get; init; }

    public int? MaxToolCalls { get; init; }

    /// <summary>The request's tools, each as sent.</summary>
    public IReadOnlyList<string> ToolsJson { get; init; } = [];

    /// <summary>The <c>type</c> of each request tool, in order.</summary>
    public IReadOnlyList<string> ToolTypes { get; init; } = [];

    /// <summary><c>stream_options.include_usage</c>; true when not sent.</summary>
    public bool IncludeUsage { get; init; } = true;

    /// <summary>The <c>response_format.json_schema.schema</c> object as sent; null without structured output.</summary>
    public string? ResponseSchemaJson { get; init; }

    public string? PreviousResponseId { get; init; }

    public string? InstructionsJson { get; init; }

    public string? MaxOutputTokensJson { get; init; }

    public string? MaxToolCallsJson { get; init; }

    public string? MetadataJson { get; init; }

    public string? ParallelToolCallsJson { get; init; }

    public string? PromptCacheKeyJson { get; init; }

    public string? ReasoningEffortJson { get; init; }

    public string? ServiceTierJson { get; init; }

    public string? TemperatureJson { get; init; }

    public string? ToolChoiceJson { get; init; }

    public string? TopPJson { get; init; }

    public string? TruncationJson { get; init; }

    /// <summary>The whole body as sent; null for a run added in code.</summary>
    public string? RequestJson { get; init; }
}
