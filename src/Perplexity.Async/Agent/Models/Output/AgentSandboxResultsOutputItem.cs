using System.Collections.Generic;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// One run of the <c>sandbox</c> tool (<c>"type": "sandbox_results"</c>): the code and what it printed. No URLs.
/// </summary>
/// <remarks>
/// The sources disagree on the shape, so this one record holds both. The API reference documents a flat item
/// (<see cref="Code"/>, <see cref="Stdout"/>, <see cref="Stderr"/>, <see cref="ExitCode"/>, <see cref="DurationMs"/>,
/// <see cref="Status"/> <c>completed</c>/<c>timed_out</c>/<c>failed</c>); the official TypeScript SDK a nested one
/// (<see cref="CallId"/>, <see cref="Code"/>, <see cref="ContainerId"/>, <see cref="Language"/>, one entry per execution
/// in <see cref="Results"/>, and a <see cref="Status"/> that may be <c>in_progress</c>). Members the received shape
/// lacks stay <see langword="null"/>, and the item is written back in the shape it was read in.
/// </remarks>
public sealed record AgentSandboxResultsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "sandbox_results";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>
    /// The execution status: <c>completed</c>, <c>timed_out</c> or <c>failed</c> (flat shape), also <c>in_progress</c>
    /// (nested shape). An open string, so a new value needs no new release.
    /// </summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The code that ran in the sandbox.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Standard output (flat shape).</summary>
    [JsonPropertyName("stdout")]
    public string? Stdout { get; init; }

    /// <summary>Standard error (flat shape).</summary>
    [JsonPropertyName("stderr")]
    public string? Stderr { get; init; }

    /// <summary>The process exit code; non-zero means a runtime error (flat shape).</summary>
    [JsonPropertyName("exit_code")]
    public int? ExitCode { get; init; }

    /// <summary>The wall-clock duration of the execution, in milliseconds (flat shape).</summary>
    [JsonPropertyName("duration_ms")]
    public long? DurationMs { get; init; }

    /// <summary>The tool call this item answers (nested shape).</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    /// <summary>The sandbox container that ran the code (nested shape).</summary>
    [JsonPropertyName("container_id")]
    public string? ContainerId { get; init; }

    /// <summary>The language of <see cref="Code"/>: <c>python</c> or <c>bash</c> (nested shape).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>One entry per execution (nested shape).</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<AgentSandboxRun>? Results { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Results"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(Results, "results");
}
