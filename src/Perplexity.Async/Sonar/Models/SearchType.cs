using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Which search pipeline runs (<c>web_search_options.search_type</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(SearchTypeConverter))]
public readonly struct SearchType : IEquatable<SearchType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"fast"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SearchType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The quick pipeline (<c>fast</c>).</summary>
    public static SearchType Fast { get; } = new("fast");

    /// <summary>The multi-step pipeline (<c>pro</c>).</summary>
    public static SearchType Pro { get; } = new("pro");

    /// <summary>Chosen per query by the API (<c>auto</c>).</summary>
    public static SearchType Auto { get; } = new("auto");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(SearchType left, SearchType right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(SearchType left, SearchType right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="SearchType"/>.</summary>
    public static implicit operator SearchType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SearchType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SearchType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
