using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Whether and how the model calls the tools it was given (<c>tool_choice</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(ToolChoiceConverter))]
public readonly struct ToolChoice : IEquatable<ToolChoice>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"none"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ToolChoice(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The model calls no tool (<c>none</c>).</summary>
    public static ToolChoice None { get; } = new("none");

    /// <summary>The model decides (<c>auto</c>).</summary>
    public static ToolChoice Auto { get; } = new("auto");

    /// <summary>The model must call a tool (<c>required</c>).</summary>
    public static ToolChoice Required { get; } = new("required");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ToolChoice left, ToolChoice right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ToolChoice left, ToolChoice right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="ToolChoice"/>.</summary>
    public static implicit operator ToolChoice(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ToolChoice other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ToolChoice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
