using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// Who wrote a message: <c>user</c>, <c>assistant</c>, <c>system</c> or <c>developer</c>.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentMessageRoleConverter))]
public readonly struct AgentMessageRole : IEquatable<AgentMessageRole>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"user"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentMessageRole(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The person asking (<c>user</c>).</summary>
    public static AgentMessageRole User { get; } = new("user");

    /// <summary>The model; every output message has this role (<c>assistant</c>).</summary>
    public static AgentMessageRole Assistant { get; } = new("assistant");

    /// <summary>Instructions for the model (<c>system</c>).</summary>
    public static AgentMessageRole System { get; } = new("system");

    /// <summary>Instructions from the application developer (<c>developer</c>).</summary>
    public static AgentMessageRole Developer { get; } = new("developer");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentMessageRole left, AgentMessageRole right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentMessageRole left, AgentMessageRole right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentMessageRole"/>.</summary>
    public static implicit operator AgentMessageRole(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentMessageRole other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentMessageRole other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
