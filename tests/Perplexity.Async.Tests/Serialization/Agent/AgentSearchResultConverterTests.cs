using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization.Agent;

public sealed class AgentSearchResultConverterTests
{
    [Fact]
    public void Read_EveryField_ReadsItAndWritesItBack()
    {
        const string json = """{"id":12,"url":"https://a.example/","title":"A","snippet":"s","date":"2026-01-02","last_updated":"2026-02-03","source":"web"}""";

        var result = PerplexityJson.Deserialize<AgentSearchResult>(json);

        result.ShouldBe(new AgentSearchResult { Id = 12, Url = "https://a.example/", Title = "A", Snippet = "s", Date = "2026-01-02", LastUpdated = "2026-02-03", Source = SearchResultSource.Web });
        PerplexityJson.Serialize(result).ShouldBe(json);
    }

    [Fact]
    public void Read_OptionalMembersNullOrAbsent_LeavesThemNullAndSnippetEmpty()
    {
        var result = PerplexityJson.Deserialize<AgentSearchResult>("""{"title":"A","url":"u","id":1,"date":null,"source":null,"snippet":null}""");

        result.Snippet.ShouldBe(string.Empty);
        result.Date.ShouldBeNull();
        result.LastUpdated.ShouldBeNull();
        result.Source.ShouldBeNull();
        PerplexityJson.Serialize(result).ShouldBe("""{"id":1,"url":"u","title":"A","snippet":""}""");
    }

    [Fact]
    public void Read_UnknownMembers_AreKeptAndWrittenAfterTheKnownOnes()
    {
        const string json = """{"id":1,"url":"u","title":"A","snippet":"","rank":{"score":0.93,"tags":["x"]},"favicon":"f.ico"}""";

        var result = PerplexityJson.Deserialize<AgentSearchResult>(json);

        result.AdditionalProperties!.Keys.ShouldBe(["rank", "favicon"]);
        PerplexityJson.Serialize(result).ShouldBe(json);
    }

    [Fact]
    public void Read_UnknownSource_RoundTrips()
    {
        var result = PerplexityJson.Deserialize<AgentSearchResult>("""{"id":1,"url":"u","title":"A","source":"people"}""");

        result.Source.ShouldBe(new SearchResultSource("people"));
        PerplexityJson.Serialize(result).ShouldEndWith("\"source\":\"people\"}");
    }

    [Theory]
    [InlineData("""{"url":"u","title":"A"}""", "no 'id'")]
    [InlineData("""{"id":1,"title":"A"}""", "no 'url'")]
    [InlineData("""{"id":1,"url":"u"}""", "no 'title'")]
    [InlineData("""{"id":"1","url":"u","title":"A"}""", "'id' to be an integer")]
    [InlineData("""{"id":1.5,"url":"u","title":"A"}""", "'id' to be an integer")]
    [InlineData("""{"id":1,"url":null,"title":"A"}""", "'url' to be a string")]
    [InlineData("""{"id":1,"url":"u","title":"A","date":5}""", "'date' to be a string or null")]
    [InlineData("""{"id":1,"url":"u","title":"A","source":5}""", "SearchResultSource")]
    [InlineData("[]", "search result object")]
    public void Read_Malformed_ThrowsJsonExceptionNamingTheProblem(string json, string expected)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentSearchResult>(json)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_NullResultInAList_ThrowsJsonExceptionNamingTheElement()
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentOutputItem>("""{"type":"search_results","results":[null]}"""))
            .Message.ShouldContain("Element 0 of 'results'");
    }

    [Fact]
    public void UrlContent_ReadsWritesAndRefusesMissingMembers()
    {
        const string json = """{"url":"u","title":"T","snippet":"page text","lang":"en"}""";

        var page = PerplexityJson.Deserialize<AgentUrlContent>(json);

        page.Snippet.ShouldBe("page text");
        page.AdditionalProperties!.Keys.ShouldBe(["lang"]);
        PerplexityJson.Serialize(page).ShouldBe(json);
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentUrlContent>("""{"title":"T","snippet":""}""")).Message.ShouldContain("no 'url'");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentUrlContent>("""{"url":"u","snippet":""}""")).Message.ShouldContain("no 'title'");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentUrlContent>("""{"url":"u","title":""}""")).Message.ShouldContain("no 'snippet'");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentUrlContent>("""{"url":"u","title":"","snippet":null}""")).Message.ShouldContain("'snippet' to be a string");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentUrlContent>("7"));
    }

    [Fact]
    public async Task Read_LargeRunFromAStream_MatchesTheStringPath()
    {
        // Hundreds of results read through DeserializeAsync's buffered path, where the converter's reader is not on the final block.
        var results = string.Join(",", Enumerable.Range(1, 400).Select(i =>
            "{\"id\":" + i + ",\"url\":\"https://r.example/" + i + "\",\"title\":\"T" + i + "\",\"snippet\":\"" + new string('s', 300) + "\",\"extra\":{\"n\":" + i + "}}"));
        var json = $$"""{"id":"r","object":"response","created_at":1,"status":"completed","model":"m","output":[{"type":"search_results","queries":null,"results":[{{results}}]}]}""";
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var run = (await JsonSerializer.DeserializeAsync(stream, PerplexityJson.GetTypeInfo<AgentResponse>()))!;

        run.SearchResults.Count.ShouldBe(400);
        run.SearchResults[399].AdditionalProperties!["extra"].GetProperty("n").GetInt32().ShouldBe(400);
        PerplexityJson.Serialize(run).ShouldBeEquivalentJson(json);
    }
}
