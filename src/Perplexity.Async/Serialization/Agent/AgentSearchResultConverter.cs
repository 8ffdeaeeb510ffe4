using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads and writes a search result by hand, like <see cref="ApiPublicSearchResultConverter"/> and for the same reason:
/// it is the most numerous object of a run (hundreds in a deep-research run), and the source generator builds records
/// with <c>required</c> <c>init</c> properties through its parameterized-constructor path (an argument state per object,
/// value types boxed, a bit array of the required properties). The behaviour is the generated one: <c>id</c>,
/// <c>url</c> and <c>title</c> are required, <c>date</c>, <c>last_updated</c> and <c>source</c> may be null or absent,
/// a missing or null <c>snippet</c> reads as empty, unknown properties are kept; nulls are omitted when writing.
/// </summary>
internal sealed class AgentSearchResultConverter : JsonConverter<AgentSearchResult>
{
    private static readonly SearchResultSourceConverter SourceConverter = new();
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText SnippetName = JsonEncodedText.Encode("snippet");
    private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText LastUpdatedName = JsonEncodedText.Encode("last_updated");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");

    public override AgentSearchResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a search result object but found {reader.TokenType}.");
        }

        long? id = null;
        string? url = null;
        string? title = null;
        string? snippet = null;
        string? date = null;
        string? lastUpdated = null;
        SearchResultSource? source = null;
        Dictionary<string, JsonElement>? extras = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
                    ? value
                    : throw new JsonException($"Expected a search result's 'id' to be an integer but found {reader.TokenType}.");
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = reader.ReadStringValue("url");
            }
            else if (reader.ValueTextEquals("title"u8))
            {
                title = reader.ReadStringValue("title");
            }
            else if (reader.ValueTextEquals("snippet"u8))
            {
                snippet = ReadNullableString(ref reader, "snippet");
            }
            else if (reader.ValueTextEquals("date"u8))
            {
                date = ReadNullableString(ref reader, "date");
            }
            else if (reader.ValueTextEquals("last_updated"u8))
            {
                lastUpdated = ReadNullableString(ref reader, "last_updated");
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                source = reader.TokenType == JsonTokenType.Null ? (SearchResultSource?)null : SourceConverter.Read(ref reader, typeof(SearchResultSource), options);
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref extras);
            }
        }

        return new AgentSearchResult
        {
            Id = id ?? throw new JsonException("A search result has no 'id'."),
            Url = url ?? throw new JsonException("A search result has no 'url'."),
            Title = title ?? throw new JsonException("A search result has no 'title'."),
            Snippet = snippet!,
            Date = date,
            LastUpdated = lastUpdated,
            Source = source,
            AdditionalProperties = extras,
        };
    }

    public override void Write(Utf8JsonWriter writer, AgentSearchResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(IdName, value.Id);
        writer.WriteString(UrlName, value.Url ?? throw new JsonException("A search result's Url is null."));
        writer.WriteString(TitleName, value.Title ?? throw new JsonException("A search result's Title is null."));
        writer.WriteString(SnippetName, value.Snippet);
        if (value.Date is not null)
        {
            writer.WriteString(DateName, value.Date);
        }

        if (value.LastUpdated is not null)
        {
            writer.WriteString(LastUpdatedName, value.LastUpdated);
        }

        if (value.Source is { } source)
        {
            writer.WritePropertyName(SourceName);
            SourceConverter.Write(writer, source, options);
        }

        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }

    internal static string? ReadNullableString(ref Utf8JsonReader reader, string property)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected '{property}' to be a string or null but found {reader.TokenType}."),
        };
    }
}
