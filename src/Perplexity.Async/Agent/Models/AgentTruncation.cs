using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// What the API does when the conversation outgrows the model's context (<c>truncation</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentTruncationConverter))]
public readonly struct AgentTruncation : IEquatable<AgentTruncation>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"auto"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentTruncation(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Drop the oldest context to fit (<c>auto</c>).</summary>
    public static AgentTruncation Auto { get; } = new("auto");

    /// <summary>Fail instead of truncating (<c>disabled</c>).</summary>
    public static AgentTruncation Disabled { get; } = new("disabled");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentTruncation left, AgentTruncation right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentTruncation left, AgentTruncation right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentTruncation"/>.</summary>
    public static implicit operator AgentTruncation(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentTruncation other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentTruncation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
