using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Why the model stopped producing tokens.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(FinishReasonConverter))]
public readonly struct FinishReason : IEquatable<FinishReason>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"stop"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FinishReason(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The model finished naturally or hit a stop sequence (<c>stop</c>).</summary>
    public static FinishReason Stop { get; } = new("stop");

    /// <summary>The token limit was reached (<c>length</c>).</summary>
    public static FinishReason Length { get; } = new("length");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(FinishReason left, FinishReason right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(FinishReason left, FinishReason right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="FinishReason"/>.</summary>
    public static implicit operator FinishReason(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(FinishReason other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FinishReason other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
