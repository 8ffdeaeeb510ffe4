using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// The model and parameter checks of a legacy create (<see cref="PerplexityEmulatorOptions.ValidateRequests"/>): the
/// documented Sonar models and the documented ranges and values (shared/spec/api-notes.md), reported as FastAPI's 422
/// field errors, so a test finds a typo in a model name or an out-of-range setting before the live API does.
/// </summary>
internal static class LegacyRequestRules
{
    private static readonly string[] Models = ["sonar", "sonar-pro", "sonar-reasoning", "sonar-reasoning-pro", "sonar-deep-research"];

    private static readonly (string Name, string[] Values)[] Choices =
    [
        ("search_mode", ["web", "academic", "sec"]),
        ("search_recency_filter", ["hour", "day", "week", "month", "year"]),
        ("reasoning_effort", ["minimal", "low", "medium", "high"]),
        ("stream_mode", ["full", "concise"]),
    ];

    private static readonly (string Name, double Min, double Max)[] Ranges =
    [
        ("max_tokens", 1, 128_000),
        ("temperature", 0, 2),
        ("top_p", 0, 1),
    ];

    public static void Check(JsonElement request, string model, List<FieldError> errors)
    {
        if (!Models.Contains(model))
        {
            errors.Add(new FieldError(
                new object[] { "body", "request", "model" }, "Input should be " + Quoted(Models), "literal_error"));
        }

        foreach (var (name, values) in Choices)
        {
            if (request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !values.Contains(value.GetString()))
            {
                errors.Add(new FieldError(new object[] { "body", "request", name }, "Input should be " + Quoted(values), "literal_error"));
            }
        }

        foreach (var (name, min, max) in Ranges)
        {
            if (request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                if (number < min)
                {
                    errors.Add(new FieldError(new object[] { "body", "request", name }, "Input should be greater than or equal to " + Text(min), "greater_than_equal"));
                }
                else if (number > max)
                {
                    errors.Add(new FieldError(new object[] { "body", "request", name }, "Input should be less than or equal to " + Text(max), "less_than_equal"));
                }
            }
        }
    }

    private static string Quoted(string[] values) =>
        string.Join(", ", values.Take(values.Length - 1).Select(v => $"'{v}'")) + $" or '{values[values.Length - 1]}'";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
