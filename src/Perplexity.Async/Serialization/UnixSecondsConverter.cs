using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Unix seconds on the wire, <see cref="DateTimeOffset"/> (UTC) in the model. Whole seconds are written back as
/// an integer; a fractional value read from the wire is kept to the millisecond and written back fractional.
/// </summary>
internal sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a Unix timestamp in seconds but found {reader.TokenType}.");
        }

        if (reader.TryGetInt64(out var seconds))
        {
            if (seconds is < MinSeconds or > MaxSeconds)
            {
                throw new JsonException($"The Unix timestamp {seconds} is out of range.");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (reader.TryGetDouble(out var fractional) && fractional is >= MinSeconds and <= MaxSeconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(fractional * 1000d));
        }

        throw new JsonException("The Unix timestamp is not a number in range.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }
}
