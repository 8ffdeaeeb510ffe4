using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads and writes a fetched page by hand, for the reason <see cref="AgentSearchResultConverter"/> gives: a
/// deep-research run carries dozens, each with tens of kilobytes of text. <c>url</c>, <c>title</c> and
/// <c>snippet</c> are required strings; unknown properties are kept.
/// </summary>
internal sealed class AgentUrlContentConverter : JsonConverter<AgentUrlContent>
{
    private static readonly JsonEncodedText UrlName = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText SnippetName = JsonEncodedText.Encode("snippet");

    public override AgentUrlContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a fetched page object but found {reader.TokenType}.");
        }

        string? url = null;
        string? title = null;
        string? snippet = null;
        Dictionary<string, JsonElement>? extras = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("url"u8))
            {
                url = reader.ReadStringValue("url");
            }
            else if (reader.ValueTextEquals("title"u8))
            {
                title = reader.ReadStringValue("title");
            }
            else if (reader.ValueTextEquals("snippet"u8))
            {
                snippet = reader.ReadStringValue("snippet");
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref extras);
            }
        }

        return new AgentUrlContent
        {
            Url = url ?? throw new JsonException("A fetched page has no 'url'."),
            Title = title ?? throw new JsonException("A fetched page has no 'title'."),
            Snippet = snippet ?? throw new JsonException("A fetched page has no 'snippet'."),
            AdditionalProperties = extras,
        };
    }

    public override void Write(Utf8JsonWriter writer, AgentUrlContent value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(UrlName, value.Url ?? throw new JsonException("A fetched page's Url is null."));
        writer.WriteString(TitleName, value.Title ?? throw new JsonException("A fetched page's Title is null."));
        writer.WriteString(SnippetName, value.Snippet ?? throw new JsonException("A fetched page's Snippet is null."));
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }
}
