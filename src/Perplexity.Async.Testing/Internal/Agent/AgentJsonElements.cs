using System.IO;
using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>Small readers over a body the decoder has already type-checked; a <c>null</c> reads as absent.</summary>
internal static class AgentJsonElements
{
    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public static string? String(this JsonElement element, string name) =>
        element.TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(this JsonElement element, string name) =>
        element.TryGet(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static int? Int(this JsonElement element, string name) =>
        element.TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    public static double? Double(this JsonElement element, string name) =>
        element.TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>The member as compact JSON (no whitespace, so it can be echoed inside a one-line stream event).</summary>
    public static string? Raw(this JsonElement element, string name) =>
        element.TryGet(name, out var value) ? value.Minified() : null;

    public static string Minified(this JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
