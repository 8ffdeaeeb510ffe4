using System;
using System.Globalization;

namespace Perplexity.Async.Errors;

/// <summary>
/// A duration as a person writes it in a message (<c>10 ms</c>, <c>1.5 s</c>, <c>2 min</c>, <c>24 h</c>),
/// so validation messages are formatted from the constants they check rather than typed again.
/// </summary>
internal static class DurationText
{
    public static string Of(TimeSpan value)
    {
        static string Number(double n) => n.ToString("0.###", CultureInfo.InvariantCulture);

        return value.TotalHours >= 1 ? Number(value.TotalHours) + " h"
            : value.TotalMinutes >= 1 ? Number(value.TotalMinutes) + " min"
            : value.TotalSeconds >= 1 ? Number(value.TotalSeconds) + " s"
            : Number(value.TotalMilliseconds) + " ms";
    }
}
