using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Where a search result came from.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(SearchResultSourceConverter))]
public readonly struct SearchResultSource : IEquatable<SearchResultSource>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"web"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SearchResultSource(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>A web page (<c>web</c>).</summary>
    public static SearchResultSource Web { get; } = new("web");

    /// <summary>A file attached to the request (<c>attachment</c>).</summary>
    public static SearchResultSource Attachment { get; } = new("attachment");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(SearchResultSource left, SearchResultSource right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(SearchResultSource left, SearchResultSource right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="SearchResultSource"/>.</summary>
    public static implicit operator SearchResultSource(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SearchResultSource other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SearchResultSource other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
