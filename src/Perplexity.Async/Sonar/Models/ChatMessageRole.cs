using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The author of a chat message.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(ChatMessageRoleConverter))]
public readonly struct ChatMessageRole : IEquatable<ChatMessageRole>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"system"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ChatMessageRole(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Instructions for the model (<c>system</c>).</summary>
    public static ChatMessageRole System { get; } = new("system");

    /// <summary>The person asking (<c>user</c>).</summary>
    public static ChatMessageRole User { get; } = new("user");

    /// <summary>The model's answer (<c>assistant</c>).</summary>
    public static ChatMessageRole Assistant { get; } = new("assistant");

    /// <summary>A tool's result (<c>tool</c>).</summary>
    public static ChatMessageRole Tool { get; } = new("tool");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ChatMessageRole left, ChatMessageRole right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ChatMessageRole left, ChatMessageRole right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="ChatMessageRole"/>.</summary>
    public static implicit operator ChatMessageRole(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ChatMessageRole other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChatMessageRole other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
