using System;
using System.Text.Json;

namespace Perplexity.Async;

/// <summary>
/// A chunk whose <c>type</c> this version of the SDK does not know. Its JSON is kept exactly and written back
/// unchanged, so nothing the API adds is lost.
/// </summary>
public sealed record ChatMessageContentUnknownChunk : ChatMessageContentChunk
{
    private readonly string _type;

    /// <summary>Wraps a chunk's raw JSON object.</summary>
    /// <param name="json">The chunk object; its <c>type</c> property names the chunk.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public ChatMessageContentUnknownChunk(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            throw new ArgumentException("A content chunk must be a JSON object with a string 'type'.", nameof(json));
        }

        _type = type.GetString()!;
        Json = json.Clone();
    }

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The chunk's JSON, as received.</summary>
    public JsonElement Json { get; }
}
