using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// Which search path the <c>web_search</c> tool uses (<c>search_type</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentSearchTypeConverter))]
public readonly struct AgentSearchType : IEquatable<AgentSearchType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"web"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentSearchType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Standard web search (<c>web</c>).</summary>
    public static AgentSearchType Web { get; } = new("web");

    /// <summary>The lower-latency Fast Search path, billed per 1,000 invocations plus model tokens (<c>fast</c>).</summary>
    public static AgentSearchType Fast { get; } = new("fast");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentSearchType left, AgentSearchType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentSearchType left, AgentSearchType right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentSearchType"/>.</summary>
    public static implicit operator AgentSearchType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentSearchType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentSearchType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
