using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The kind of output a <see cref="ResponseFormat"/> asks for (its <c>type</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(ResponseFormatTypeConverter))]
public readonly struct ResponseFormatType : IEquatable<ResponseFormatType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"text"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ResponseFormatType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Free text, the default (<c>text</c>).</summary>
    public static ResponseFormatType Text { get; } = new("text");

    /// <summary>JSON that matches a schema (<c>json_schema</c>).</summary>
    public static ResponseFormatType JsonSchema { get; } = new("json_schema");

    /// <summary>Text that matches a regular expression (<c>regex</c>).</summary>
    public static ResponseFormatType Regex { get; } = new("regex");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(ResponseFormatType left, ResponseFormatType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(ResponseFormatType left, ResponseFormatType right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="ResponseFormatType"/>.</summary>
    public static implicit operator ResponseFormatType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ResponseFormatType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ResponseFormatType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
