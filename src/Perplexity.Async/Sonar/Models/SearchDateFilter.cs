using System;
using System.Globalization;

namespace Perplexity.Async;

/// <summary>
/// Writes dates in the <c>MM/DD/YYYY</c> form the date filters of a <see cref="ChatCompletionRequest"/> take
/// (<see cref="ChatCompletionRequest.SearchAfterDateFilter"/> and the others).
/// </summary>
/// <example>
/// <code>
/// SearchAfterDateFilter = SearchDateFilter.Format(new DateTime(2025, 3, 1)), // "03/01/2025"
/// </code>
/// </example>
public static class SearchDateFilter
{
    private const string WireFormat = "MM/dd/yyyy";

    /// <summary>Formats the date part of <paramref name="date"/> as <c>MM/DD/YYYY</c>; the time of day is ignored.</summary>
    public static string Format(DateTime date) => date.ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats the date part of <paramref name="date"/> (in its own offset) as <c>MM/DD/YYYY</c>.</summary>
    public static string Format(DateTimeOffset date) => date.ToString(WireFormat, CultureInfo.InvariantCulture);

#if NET
    /// <summary>Formats <paramref name="date"/> as <c>MM/DD/YYYY</c>.</summary>
    public static string Format(DateOnly date) => date.ToString(WireFormat, CultureInfo.InvariantCulture);
#endif
}
