using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Which kind of sources a search favours (<c>search_mode</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(SearchModeConverter))]
public readonly struct SearchMode : IEquatable<SearchMode>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"web"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SearchMode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>General web search, the default (<c>web</c>).</summary>
    public static SearchMode Web { get; } = new("web");

    /// <summary>Scholarly and peer-reviewed sources first (<c>academic</c>).</summary>
    public static SearchMode Academic { get; } = new("academic");

    /// <summary>SEC filings and other financial disclosures (<c>sec</c>).</summary>
    public static SearchMode Sec { get; } = new("sec");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(SearchMode left, SearchMode right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(SearchMode left, SearchMode right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="SearchMode"/>.</summary>
    public static implicit operator SearchMode(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SearchMode other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SearchMode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
