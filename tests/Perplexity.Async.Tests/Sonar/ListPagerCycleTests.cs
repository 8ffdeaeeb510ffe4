using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Sonar;

/// <summary>A list whose next_token cycles (A → B → A → …) ends in a protocol error instead of paging forever.</summary>
public sealed class ListPagerCycleTests
{
    private const int Bound = 50;

    [Theory]
    [InlineData("A", "B", "A")]
    [InlineData("A", "B", "C", "B")]
    [InlineData("A", "A")]
    public async Task ListAsync_NextTokenReturnsToOneSeenBefore_ThrowsProtocolExceptionInsteadOfPagingForever(params string[] tokens)
    {
        // Page i answers tokens[i] as its next_token; the token it is asked with says which page it is.
        var handler = new StubHandler(request =>
        {
            var query = request.RequestUri!.Query;
            var page = query.Length == 0 ? 0 : Array.IndexOf(tokens, Uri.UnescapeDataString(query[(query.IndexOf('=', StringComparison.Ordinal) + 1)..])) + 1;
            var next = tokens[Math.Min(page, tokens.Length - 1)];
            var json = $$"""{"requests":[{"id":"j{{page}}","model":"m","status":"CREATED","created_at":1}],"next_token":"{{next}}"}""";
            return new HttpResponseMessage { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        });
        using var client = new PerplexityAsyncClient(
            new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = "pplx-list-key", BaseAddress = new Uri("https://api.example.test/"), MaxRetries = 0 });
        var seen = 0;

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(async () =>
        {
            await foreach (var _ in client.Sonar.ListAsync())
            {
                (++seen).ShouldBeLessThan(Bound, "paging went on forever");
            }
        });

        ex.Message.ShouldContain($"'{tokens[^1]}'");
        handler.Requests.Count.ShouldBe(tokens.Length);
    }
}
