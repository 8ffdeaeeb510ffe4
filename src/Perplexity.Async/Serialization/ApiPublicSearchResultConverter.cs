using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Reads and writes a search result by hand. It is the most numerous object in a result (hundreds in a deep-research
/// answer), and the source generator builds records with <c>required</c> <c>init</c> properties through its
/// parameterized-constructor path: per object an argument state, every value-type argument boxed and a bit array
/// of the required properties. Reading the six properties directly costs none of that. The behaviour is the
/// generated one: <c>title</c> and <c>url</c> are required non-null strings, <c>date</c> and
/// <c>last_updated</c> may be null, a missing or null <c>snippet</c> reads as empty, <c>source</c> defaults to
/// <c>web</c>, unknown properties are kept in <see cref="ApiPublicSearchResult.AdditionalProperties"/> (the dictionary
/// is created only when there is one, so the common result allocates nothing more) and written back; nulls are
/// omitted when writing.
/// </summary>
internal sealed class ApiPublicSearchResultConverter : JsonConverter<ApiPublicSearchResult>
{
    private static readonly SearchResultSourceConverter SourceConverter = new();
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText LastUpdatedName = JsonEncodedText.Encode("last_updated");
    private static readonly JsonEncodedText SnippetName = JsonEncodedText.Encode("snippet");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");

    public override ApiPublicSearchResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a search result object but found {reader.TokenType}.");
        }

        string? title = null;
        string? url = null;
        string? date = null;
        string? lastUpdated = null;
        string? snippet = null;
        var source = SearchResultSource.Web;
        Dictionary<string, JsonElement>? additional = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("title"u8))
            {
                title = reader.ReadStringValue("title");
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = reader.ReadStringValue("url");
            }
            else if (reader.ValueTextEquals("date"u8))
            {
                date = ReadNullableString(ref reader, "date");
            }
            else if (reader.ValueTextEquals("last_updated"u8))
            {
                lastUpdated = ReadNullableString(ref reader, "last_updated");
            }
            else if (reader.ValueTextEquals("snippet"u8))
            {
                snippet = ReadNullableString(ref reader, "snippet");
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                source = SourceConverter.Read(ref reader, typeof(SearchResultSource), options);
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref additional);
            }
        }

        return new ApiPublicSearchResult
        {
            Title = title ?? throw new JsonException("A search result has no 'title'."),
            Url = url ?? throw new JsonException("A search result has no 'url'."),
            Date = date,
            LastUpdated = lastUpdated,
            Snippet = snippet!,
            Source = source,
            AdditionalProperties = additional,
        };
    }

    public override void Write(Utf8JsonWriter writer, ApiPublicSearchResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(TitleName, value.Title ?? throw new JsonException("A search result's Title is null."));
        writer.WriteString(UrlName, value.Url ?? throw new JsonException("A search result's Url is null."));
        if (value.Date is not null)
        {
            writer.WriteString(DateName, value.Date);
        }

        if (value.LastUpdated is not null)
        {
            writer.WriteString(LastUpdatedName, value.LastUpdated);
        }

        writer.WriteString(SnippetName, value.Snippet);
        writer.WritePropertyName(SourceName);
        SourceConverter.Write(writer, value.Source, options);
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader, string property)
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
