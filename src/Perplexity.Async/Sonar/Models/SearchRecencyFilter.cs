using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// How recent search results must be (<c>search_recency_filter</c>).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(SearchRecencyFilterConverter))]
public readonly struct SearchRecencyFilter : IEquatable<SearchRecencyFilter>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"hour"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SearchRecencyFilter(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Published in the last hour (<c>hour</c>).</summary>
    public static SearchRecencyFilter Hour { get; } = new("hour");

    /// <summary>Published in the last day (<c>day</c>).</summary>
    public static SearchRecencyFilter Day { get; } = new("day");

    /// <summary>Published in the last week (<c>week</c>).</summary>
    public static SearchRecencyFilter Week { get; } = new("week");

    /// <summary>Published in the last month (<c>month</c>).</summary>
    public static SearchRecencyFilter Month { get; } = new("month");

    /// <summary>Published in the last year (<c>year</c>).</summary>
    public static SearchRecencyFilter Year { get; } = new("year");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(SearchRecencyFilter left, SearchRecencyFilter right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(SearchRecencyFilter left, SearchRecencyFilter right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="SearchRecencyFilter"/>.</summary>
    public static implicit operator SearchRecencyFilter(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SearchRecencyFilter other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SearchRecencyFilter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
