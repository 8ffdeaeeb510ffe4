using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// How hard the model reasons before answering (<c>reasoning.effort</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentReasoningEffortConverter))]
public readonly struct AgentReasoningEffort : IEquatable<AgentReasoningEffort>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"minimal"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentReasoningEffort(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>As little reasoning as the model allows (<c>minimal</c>).</summary>
    public static AgentReasoningEffort Minimal { get; } = new("minimal");

    /// <summary>Light reasoning (<c>low</c>).</summary>
    public static AgentReasoningEffort Low { get; } = new("low");

    /// <summary>Balanced reasoning (<c>medium</c>).</summary>
    public static AgentReasoningEffort Medium { get; } = new("medium");

    /// <summary>Thorough reasoning (<c>high</c>).</summary>
    public static AgentReasoningEffort High { get; } = new("high");

    /// <summary>Very thorough reasoning (<c>xhigh</c>).</summary>
    public static AgentReasoningEffort XHigh { get; } = new("xhigh");

    /// <summary>As much reasoning as the model allows (documented by the API; the official SDKs stop at <c>xhigh</c>) (<c>max</c>).</summary>
    public static AgentReasoningEffort Max { get; } = new("max");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentReasoningEffort left, AgentReasoningEffort right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentReasoningEffort left, AgentReasoningEffort right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentReasoningEffort"/>.</summary>
    public static implicit operator AgentReasoningEffort(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentReasoningEffort other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentReasoningEffort other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
