using System.Net;
using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Errors;

public sealed class ProtocolErrorTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Valid = """{"id":"job-1","model":"sonar","created_at":1763870400,"status":"CREATED"}""";

    [Theory]
    [InlineData("""{"id":"job-1",, }""", "not the documented JSON")]
    [InlineData("""{"id":"job-1","model":"sonar","created_at":17638""", "not the documented JSON")]
    [InlineData("""{"model":"sonar","created_at":1763870400,"status":"CREATED"}""", "not the documented JSON")]
    [InlineData("""{"id":null,"model":"sonar","created_at":1763870400,"status":"CREATED"}""", "not the documented JSON")]
    [InlineData("""{"id":"job-1","model":"sonar","created_at":1763870400,"status":5}""", "not the documented JSON")]
    [InlineData("""{"id":"job-1","model":"sonar","created_at":"yesterday","status":"CREATED"}""", "not the documented JSON")]
    [InlineData("""{"id":"job-1","model":"sonar","created_at":1763870400,"status":"COMPLETED","response":{"id":"r","model":"sonar","created":1,"choices":"none"}}""", "not the documented JSON")]
    [InlineData("""[]""", "not the documented JSON")]
    [InlineData("\"job-1\"", "not the documented JSON")]
    [InlineData("", "The body is empty")]
    public async Task GetAsync_SuccessWithUndocumentedBody_ThrowsProtocolExceptionWithExcerptAndCause(string body, string fragment)
    {
        Respond(body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain(fragment);
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.BodyExcerpt.ShouldBe(body);
        ex.InnerException.ShouldBeOfType<JsonException>();
    }

    [Fact]
    public async Task GetAsync_TruncatedFixture_ThrowsProtocolException()
    {
        var full = Fixture.Read("deep-research-completed.json");
        Respond(full[..(full.Length / 2)]);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.InnerException.ShouldBeOfType<JsonException>();
        ex.BodyExcerpt!.Length.ShouldBe(1024);
        full.ShouldStartWith(ex.BodyExcerpt);
    }

    [Fact]
    public async Task GetAsync_JsonNull_ThrowsProtocolException()
    {
        Respond("null");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("null");
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.BodyExcerpt.ShouldBe("null");
    }

    [Fact]
    public async Task GetAsync_InvalidUtf8_ThrowsProtocolException()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(
            Response.Create().WithHeader("Content-Type", "application/json").WithBody([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.InnerException.ShouldNotBeNull();
    }

    [Fact]
    public async Task GetAsync_NoContent_ThrowsProtocolExceptionForTheEmptyBody()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(204));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ex.Message.ShouldContain("empty");
    }

    [Theory]
    [InlineData("text/html", "<html><body>Welcome to the gateway</body></html>")]
    [InlineData("text/plain", Valid)]
    [InlineData("application/xml", "<job/>")]
    public async Task GetAsync_WrongContentType_ThrowsProtocolExceptionNamingIt(string contentType, string body)
    {
        Respond(body, contentType);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain($"'{contentType}'");
        ex.BodyExcerpt.ShouldBe(body);
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetAsync_WrongContentTypeWithHugeBody_QuotesOnlyTheExcerpt()
    {
        var body = "<html>" + new string('x', 100_000) + "</html>";
        Respond(body, "text/html");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.BodyExcerpt!.Length.ShouldBe(1024);
        body.ShouldStartWith(ex.BodyExcerpt);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/problem+json")]
    [InlineData("text/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData(null)]
    public async Task GetAsync_JsonContentTypes_AreAccepted(string? contentType)
    {
        var response = Response.Create().WithBody(Valid);
        Server.Given(Request.Create().UsingGet()).RespondWith(contentType is null ? response : response.WithHeader("Content-Type", contentType));
        using var client = CreateSut();

        var job = await client.Sonar.GetAsync("job-1");

        job.Id.ShouldBe("job-1");
    }

    [Fact]
    public async Task GetAsync_BodyLargerThanLimit_ThrowsProtocolExceptionNamingTheSetting()
    {
        var body = Fixture.Read("deep-research-completed.json");
        Respond(body);
        using var client = CreateSut(o => o.MaxResponseContentBytes = 256);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("256");
        ex.Message.ShouldContain(nameof(PerplexityAsyncClientOptions.MaxResponseContentBytes));
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.BodyExcerpt.ShouldNotBeNullOrEmpty();
        body.ShouldStartWith(ex.BodyExcerpt!);
        ex.InnerException.ShouldBeOfType<PerplexityProtocolException>();
    }

    [Fact]
    public async Task GetAsync_BodyExactlyAtLimit_IsRead()
    {
        Respond(Valid);
        using var client = CreateSut(o => o.MaxResponseContentBytes = Valid.Length);

        var job = await client.Sonar.GetAsync("job-1");

        job.Id.ShouldBe("job-1");
    }

    [Fact]
    public async Task GetAsync_UndocumentedBodyEchoingTheKey_RedactsTheExcerpt()
    {
        Respond("<html>" + ApiKey + "</html>", "text/html");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.BodyExcerpt.ShouldBe("<html>[REDACTED]</html>");
        ex.ToString().ShouldNotContain(ApiKey);
    }

    [Fact]
    public async Task GetAsync_MalformedBodyEchoingTheKey_RedactsTheExcerpt()
    {
        Respond("{\"key\":\"" + ApiKey + "\",");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("job-1"));

        ex.BodyExcerpt.ShouldBe("{\"key\":\"[REDACTED]\",");
        ex.ToString().ShouldNotContain(ApiKey);
    }

    private void Respond(string body, string contentType = "application/json") =>
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", contentType).WithBody(body));
}
