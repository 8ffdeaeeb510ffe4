using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// A named Agent API configuration (<c>preset</c>): a model, a system prompt, tools and step limits chosen by Perplexity.
/// The canonical names are <c>fast</c>, <c>low</c>, <c>medium</c>, <c>high</c> and <c>xhigh</c>; the legacy names
/// <c>fast-search</c>, <c>pro-search</c>, <c>deep-research</c> and <c>advanced-deep-research</c> are accepted for the
/// first four. Fields set on the request override the preset's values.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentPresetConverter))]
public readonly struct AgentPreset : IEquatable<AgentPreset>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"fast"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentPreset(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The fastest preset, the closest to the retired <c>sonar</c> model (<c>fast</c>).</summary>
    public static AgentPreset Fast { get; } = new("fast");

    /// <summary>Multi-step search, the closest to the retired <c>sonar-pro</c> (<c>low</c>).</summary>
    public static AgentPreset Low { get; } = new("low");

    /// <summary>Deep research, the closest to the retired <c>sonar-deep-research</c> (<c>medium</c>).</summary>
    public static AgentPreset Medium { get; } = new("medium");

    /// <summary>Deeper research, costlier than <see cref="Medium"/> (<c>high</c>).</summary>
    public static AgentPreset High { get; } = new("high");

    /// <summary>The most thorough preset (<c>xhigh</c>).</summary>
    public static AgentPreset XHigh { get; } = new("xhigh");

    /// <summary>The legacy name of <see cref="Fast"/> (<c>fast-search</c>).</summary>
    public static AgentPreset FastSearch { get; } = new("fast-search");

    /// <summary>The legacy name of <see cref="Low"/> (<c>pro-search</c>).</summary>
    public static AgentPreset ProSearch { get; } = new("pro-search");

    /// <summary>The legacy name of <see cref="Medium"/> (<c>deep-research</c>).</summary>
    public static AgentPreset DeepResearch { get; } = new("deep-research");

    /// <summary>The legacy name of <see cref="High"/> (<c>advanced-deep-research</c>).</summary>
    public static AgentPreset AdvancedDeepResearch { get; } = new("advanced-deep-research");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentPreset left, AgentPreset right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentPreset left, AgentPreset right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentPreset"/>.</summary>
    public static implicit operator AgentPreset(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentPreset other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentPreset other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
