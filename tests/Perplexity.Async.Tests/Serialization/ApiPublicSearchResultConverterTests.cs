using System.IO;
using System.Text;
using System.Text.Json;
using Perplexity.Async.Serialization;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>The hand-written search-result converter behaves as the generated metadata did.</summary>
public sealed class ApiPublicSearchResultConverterTests
{
    [Fact]
    public void Deserialize_NullSnippetAndUnknownProperties_ReadsDefaultsAndSkipsExtras()
    {
        var result = Read("""{"extra":{"a":[1,{"b":2}]},"title":"t","url":"u","date":null,"snippet":null,"rank":3}""");

        result.Title.ShouldBe("t");
        result.Url.ShouldBe("u");
        result.Date.ShouldBeNull();
        result.Snippet.ShouldBe(string.Empty);
        result.Source.ShouldBe(SearchResultSource.Web);
    }

    [Fact]
    public void Deserialize_EscapedNamesAndValues_Unescapes()
    {
        var result = Read("""{"t\u0069tle":"A \"quoted\" title","url":"https://e/\u00e9","source":"attachment"}""");

        result.Title.ShouldBe("A \"quoted\" title");
        result.Url.ShouldBe("https://e/é");
        result.Source.ShouldBe(SearchResultSource.Attachment);
    }

    [Theory]
    [InlineData("""{"url":"u"}""", "'title'")]
    [InlineData("""{"title":"t"}""", "'url'")]
    [InlineData("""{"title":null,"url":"u"}""", "'title'")]
    [InlineData("""{"title":"t","url":7}""", "'url'")]
    [InlineData("""{"title":"t","url":"u","date":5}""", "'date'")]
    [InlineData("""{"title":"t","url":"u","source":null}""", "SearchResultSource")]
    [InlineData("""["t","u"]""", "search result")]
    public void Deserialize_MissingOrWrongField_ThrowsJsonExceptionNamingIt(string json, string expected)
    {
        var ex = Should.Throw<JsonException>(() => Read(json));

        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void Serialize_Result_WritesWireOrderAndOmitsNulls()
    {
        var result = new ApiPublicSearchResult { Title = "t", Url = "u", LastUpdated = "2025-10-02" };

        var json = PerplexityJson.Serialize(Envelope(result));

        json.ShouldContain("""[{"title":"t","url":"u","last_updated":"2025-10-02","snippet":"","source":"web"}]""");
    }

    [Fact]
    public async Task DeserializeAsync_ManyResultsInALargeStream_RoundTrips()
    {
        var results = Enumerable.Range(0, 400)
            .Select(i => new ApiPublicSearchResult
            {
                Title = $"Source {i}",
                Url = $"https://example.com/{i}",
                Date = i % 2 == 0 ? "2025-01-01" : null,
                Snippet = new string('s', i),
                Source = i % 3 == 0 ? SearchResultSource.Attachment : new SearchResultSource("drive"),
            })
            .ToArray();
        var json = PerplexityJson.Serialize(Envelope(results));

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var read = await JsonSerializer.DeserializeAsync(stream, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse);

        read!.Response!.SearchResults.ShouldBe(results);
        PerplexityJson.Serialize(read).ShouldBeEquivalentJson(json);
    }

    private static ApiPublicSearchResult Read(string result) =>
        PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(
            $$$"""{"id":"a","model":"m","created_at":1,"status":"COMPLETED","response":{"id":"c","model":"m","created":1,"choices":[],"search_results":[{{{result}}}]}}""")
            .Response!.SearchResults!.Single();

    private static AsyncApiChatCompletionsResponse Envelope(params ApiPublicSearchResult[] results) => new()
    {
        Id = "a",
        Model = "m",
        CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1),
        Status = AsyncProcessingStatus.Completed,
        Response = new CompletionResponse
        {
            Id = "c",
            Model = "m",
            Created = DateTimeOffset.FromUnixTimeSeconds(1),
            Choices = [],
            SearchResults = results,
        },
    };
}
