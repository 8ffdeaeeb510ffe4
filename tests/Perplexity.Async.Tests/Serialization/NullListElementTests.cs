using System.Net.Http;
using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>
/// Regression for a fuzzing find (seed 20251123, legacy-reference-example.json, index 156): <c>"choices":[null]</c>
/// parsed, then <see cref="CompletionResponse.Text"/> (and so <c>ToString()</c>) threw a NullReferenceException.
/// A null element in any list of objects is now refused when reading.
/// </summary>
public sealed class NullListElementTests
{
    [Theory]
    [InlineData("choices")]
    [InlineData("search_results")]
    [InlineData("citations")]
    public void Deserialize_NullElementInAList_ThrowsJsonExceptionNamingTheElement(string property)
    {
        var json = Api.EnvelopeJson("COMPLETED", withResponse: true);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["response"]![property] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(node.ToJsonString()));

        ex.Message.ShouldContain("Element 0");
    }

    [Fact]
    public async Task GetAsync_NullChoice_ThrowsProtocolExceptionInsteadOfLaterNullReference()
    {
        var json = Api.EnvelopeJson("COMPLETED", withResponse: true);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["response"]!["choices"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);
        using var client = new PerplexityAsyncClient(
            new HttpClient(StubHandler.Json(node.ToJsonString())),
            new PerplexityAsyncClientOptions { ApiKey = "pplx-test", BaseAddress = new Uri("https://api.example.test/"), MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("null");
    }

    [Fact]
    public void RoundTrip_ListsWithElements_AreWrittenAsArrays()
    {
        var envelope = Fixture.Envelope("sonar-images.json");

        var again = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(PerplexityJson.Serialize(envelope));

        again.Response!.Choices.Count.ShouldBe(envelope.Response!.Choices.Count);
        again.Response.SearchResults!.Count.ShouldBe(envelope.Response.SearchResults!.Count);
        again.Response.Images!.Count.ShouldBe(envelope.Response.Images!.Count);
        again.Response.Text.ShouldBe(envelope.Response.Text);
    }
}
