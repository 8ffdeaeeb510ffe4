using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The kind of a completion chunk on the legacy route.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(CompletionResponseTypeConverter))]
public readonly struct CompletionResponseType : IEquatable<CompletionResponseType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"message"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CompletionResponseType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>A message (<c>message</c>).</summary>
    public static CompletionResponseType Message { get; } = new("message");

    /// <summary>An informational chunk (<c>info</c>).</summary>
    public static CompletionResponseType Info { get; } = new("info");

    /// <summary>The end of the stream (<c>end_of_stream</c>).</summary>
    public static CompletionResponseType EndOfStream { get; } = new("end_of_stream");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(CompletionResponseType left, CompletionResponseType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(CompletionResponseType left, CompletionResponseType right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="CompletionResponseType"/>.</summary>
    public static implicit operator CompletionResponseType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CompletionResponseType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CompletionResponseType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
