using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The shape of streamed output (<c>stream_mode</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(StreamModeConverter))]
public readonly struct StreamMode : IEquatable<StreamMode>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"full"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public StreamMode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Every chunk in full (<c>full</c>).</summary>
    public static StreamMode Full { get; } = new("full");

    /// <summary>Condensed chunks (<c>concise</c>).</summary>
    public static StreamMode Concise { get; } = new("concise");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(StreamMode left, StreamMode right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(StreamMode left, StreamMode right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="StreamMode"/>.</summary>
    public static implicit operator StreamMode(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(StreamMode other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StreamMode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
