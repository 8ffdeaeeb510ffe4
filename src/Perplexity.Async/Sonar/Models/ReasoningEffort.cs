using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// How hard a reasoning or deep-research model thinks (<c>reasoning_effort</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(ReasoningEffortConverter))]
public readonly struct ReasoningEffort : IEquatable<ReasoningEffort>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"minimal"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ReasoningEffort(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The least reasoning: fastest and cheapest (<c>minimal</c>).</summary>
    public static ReasoningEffort Minimal { get; } = new("minimal");

    /// <summary>Light reasoning (<c>low</c>).</summary>
    public static ReasoningEffort Low { get; } = new("low");

    /// <summary>Balanced reasoning (<c>medium</c>).</summary>
    public static ReasoningEffort Medium { get; } = new("medium");

    /// <summary>The deepest reasoning: slowest and most expensive (<c>high</c>).</summary>
    public static ReasoningEffort High { get; } = new("high");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ReasoningEffort left, ReasoningEffort right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ReasoningEffort left, ReasoningEffort right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="ReasoningEffort"/>.</summary>
    public static implicit operator ReasoningEffort(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ReasoningEffort other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReasoningEffort other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
