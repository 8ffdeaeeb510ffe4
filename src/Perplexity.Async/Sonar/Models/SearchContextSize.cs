using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// How much search context the model retrieves (<c>web_search_options.search_context_size</c>); the API defaults to <c>low</c>.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(SearchContextSizeConverter))]
public readonly struct SearchContextSize : IEquatable<SearchContextSize>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"low"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SearchContextSize(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The least context: cheapest and fastest (<c>low</c>).</summary>
    public static SearchContextSize Low { get; } = new("low");

    /// <summary>A balance of cost and depth (<c>medium</c>).</summary>
    public static SearchContextSize Medium { get; } = new("medium");

    /// <summary>The most context: most thorough, most expensive (<c>high</c>).</summary>
    public static SearchContextSize High { get; } = new("high");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(SearchContextSize left, SearchContextSize right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(SearchContextSize left, SearchContextSize right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="SearchContextSize"/>.</summary>
    public static implicit operator SearchContextSize(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SearchContextSize other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SearchContextSize other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
