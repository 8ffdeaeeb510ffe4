using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The model's answer (<c>"type": "message"</c>): an assistant message whose <see cref="Content"/> holds
/// <c>output_text</c> parts. A run usually has one, after its tool results; a run still in progress has none yet.
/// </summary>
public sealed record AgentMessageOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "message";

    private readonly IReadOnlyList<AgentOutputContentPart> _content = Array.Empty<AgentOutputContentPart>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>Who wrote it: always <see cref="AgentMessageRole.Assistant"/> in a response.</summary>
    [JsonPropertyName("role")]
    public required AgentMessageRole Role { get; init; }

    /// <summary>Whether the message is complete: <c>in_progress</c> while it streams, then <c>completed</c> or <c>incomplete</c>.</summary>
    [JsonPropertyName("status")]
    public required AgentResponseStatus Status { get; init; }

    /// <summary>The content parts, in order; a JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("content")]
    [AllowNull]
    public required IReadOnlyList<AgentOutputContentPart> Content
    {
        get => _content;
        init => _content = value ?? Array.Empty<AgentOutputContentPart>();
    }

    /// <summary>
    /// The text of the message: its <c>output_text</c> parts joined in order (other parts skipped); empty when there are
    /// none. Computed on each access. Citations come from the run's search results, not from this text.
    /// </summary>
    [JsonIgnore]
    public string Text
    {
        get
        {
            string? single = null;
            StringBuilder? builder = null;
            foreach (var part in _content)
            {
                if (part is AgentOutputTextPart text)
                {
                    if (single is null)
                    {
                        single = text.Text;
                    }
                    else
                    {
                        builder ??= new StringBuilder(single);
                        builder.Append(text.Text);
                    }
                }
            }

            return builder?.ToString() ?? single ?? string.Empty;
        }
    }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Content"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_content, "content");
}
