using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// Semantic JSON equality: property order does not matter, a property that is null equals one that is absent,
/// and numbers compare by value (123 equals 123.0).
/// </summary>
internal static class JsonEquivalence
{
    public static void ShouldBeEquivalentJson(this string actual, string expected)
    {
        var difference = FindDifference(JsonNode.Parse(expected), JsonNode.Parse(actual), "$");
        difference.ShouldBeNull();
    }

    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {expected?.ToJsonString() ?? "null"} but was {actual?.ToJsonString() ?? "null"}";
        }

        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var name in expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key)))
                {
                    expectedObject.TryGetPropertyValue(name, out var e);
                    actualObject.TryGetPropertyValue(name, out var a);
                    if (FindDifference(e, a, $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items but was {actualArray.Count}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FindDifference(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                if (expectedValue.TryGetValue<decimal>(out var x) && actualValue.TryGetValue<decimal>(out var y))
                {
                    return x == y ? null : $"{path}: expected {x} but was {y}";
                }

                return expectedValue.ToJsonString() == actualValue.ToJsonString()
                    ? null
                    : $"{path}: expected {expectedValue.ToJsonString()} but was {actualValue.ToJsonString()}";
            default:
                return $"{path}: expected {expected.ToJsonString()} but was {actual.ToJsonString()}";
        }
    }
}
