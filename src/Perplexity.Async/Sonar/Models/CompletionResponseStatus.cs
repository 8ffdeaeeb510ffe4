using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The status of a completion on the legacy route.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(CompletionResponseStatusConverter))]
public readonly struct CompletionResponseStatus : IEquatable<CompletionResponseStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"PENDING"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CompletionResponseStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Still being produced (<c>PENDING</c>).</summary>
    public static CompletionResponseStatus Pending { get; } = new("PENDING");

    /// <summary>Finished (<c>COMPLETED</c>).</summary>
    public static CompletionResponseStatus Completed { get; } = new("COMPLETED");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(CompletionResponseStatus left, CompletionResponseStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(CompletionResponseStatus left, CompletionResponseStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="CompletionResponseStatus"/>.</summary>
    public static implicit operator CompletionResponseStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CompletionResponseStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CompletionResponseStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
