using System;
using System.Globalization;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A JSON value that is either a string or an integer, such as a validation error's location item or a video's
/// frame interval. Serializes back in the form it was read.
/// </summary>
[JsonConverter(typeof(StringOrIntegerConverter))]
public readonly struct StringOrInteger : IEquatable<StringOrInteger>
{
    private readonly string? _string;
    private readonly long _integer;

    /// <summary>Creates a string value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public StringOrInteger(string value)
    {
        _string = value ?? throw new ArgumentNullException(nameof(value));
        _integer = 0;
    }

    /// <summary>Creates an integer value.</summary>
    public StringOrInteger(long value)
    {
        _string = null;
        _integer = value;
    }

    /// <summary><see langword="true"/> when the value is an integer.</summary>
    public bool IsInteger => _string is null;

    /// <summary>The string value, or <see langword="null"/> when the value is an integer.</summary>
    public string? StringValue => _string;

    /// <summary>The integer value, or <see langword="null"/> when the value is a string.</summary>
    public long? IntegerValue => _string is null ? _integer : null;

    /// <summary>Converts a string.</summary>
    public static implicit operator StringOrInteger(string value) => new(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator StringOrInteger(long value) => new(value);

    /// <summary>Compares form and value.</summary>
    public static bool operator ==(StringOrInteger left, StringOrInteger right) => left.Equals(right);

    /// <summary>Compares form and value.</summary>
    public static bool operator !=(StringOrInteger left, StringOrInteger right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(StringOrInteger other) =>
        string.Equals(_string, other._string, StringComparison.Ordinal) && _integer == other._integer;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StringOrInteger other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _string is null ? _integer.GetHashCode() : StringComparer.Ordinal.GetHashCode(_string);

    /// <summary>The string, or the integer in invariant culture.</summary>
    public override string ToString() => _string ?? _integer.ToString(CultureInfo.InvariantCulture);
}
