using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The result of a completed job: the answer, its sources, usage and cost.</summary>
public sealed record CompletionResponse : IJsonOnDeserialized
{
    private const string DefaultObjectType = "chat.completion";

    private readonly string _objectType = DefaultObjectType;

    /// <summary>The completion's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The model that produced the completion.</summary>
    [JsonPropertyName("model")]
    [JsonConverter(typeof(SonarModelNameConverter))]
    public required string Model { get; init; }

    /// <summary>When the completion was created.</summary>
    [JsonPropertyName("created")]
    public required DateTimeOffset Created { get; init; }

    /// <summary>The answers; the API returns one.</summary>
    [JsonPropertyName("choices")]
    public required IReadOnlyList<Choice> Choices { get; init; }

    /// <summary>Token counts and cost, when reported.</summary>
    [JsonPropertyName("usage")]
    public UsageInfo? Usage { get; init; }

    /// <summary>The object type. Defaults to <c>chat.completion</c>.</summary>
    [JsonPropertyName("object")]
    [JsonConverter(typeof(CompletionObjectTypeConverter))]
    public string ObjectType
    {
        get => _objectType;

        // The source generator passes null for an absent init-only property, so the default is applied here.
        init => _objectType = value ?? DefaultObjectType;
    }

    /// <summary>The URLs the answer cites, in citation order (<c>[1]</c> is the first).</summary>
    [JsonPropertyName("citations")]
    public IReadOnlyList<string>? Citations { get; init; }

    /// <summary>The search results the answer drew on.</summary>
    [JsonPropertyName("search_results")]
    public IReadOnlyList<ApiPublicSearchResult>? SearchResults { get; init; }

    /// <summary>The chunk type (legacy route only).</summary>
    [JsonPropertyName("type")]
    public CompletionResponseType? Type { get; init; }

    /// <summary>The completion status (legacy route only).</summary>
    [JsonPropertyName("status")]
    public CompletionResponseStatus? Status { get; init; }

    /// <summary>Images found for the answer (sonar route, when requested with <c>return_images</c>).</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageResult>? Images { get; init; }

    /// <summary>Follow-up questions (sonar route, when requested with <c>return_related_questions</c>).</summary>
    [JsonPropertyName("related_questions")]
    public IReadOnlyList<string>? RelatedQuestions { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>
    /// The text of the first choice's message: its string content, or its text chunks joined;
    /// <see langword="null"/> when there is no choice or no content.
    /// </summary>
    [JsonIgnore]
    public string? Text => Choices.Count > 0 ? Choices[0].Message.Content?.Text : null;

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Choices, "choices");
        NullItems.Check(Citations, "citations");
        NullItems.Check(SearchResults, "search_results");
        NullItems.Check(Images, "images");
        NullItems.Check(RelatedQuestions, "related_questions");
    }
}
