using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Errors;

public sealed class ErrorMappingTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Theory]
    [InlineData(400, typeof(PerplexityBadRequestException))]
    [InlineData(401, typeof(PerplexityAuthenticationException))]
    [InlineData(403, typeof(PerplexityAuthenticationException))]
    [InlineData(404, typeof(PerplexityNotFoundException))]
    [InlineData(409, typeof(PerplexityApiException))]
    [InlineData(413, typeof(PerplexityPayloadTooLargeException))]
    [InlineData(422, typeof(PerplexityValidationException))]
    [InlineData(424, typeof(PerplexityConnectorException))]
    [InlineData(429, typeof(PerplexityRateLimitException))]
    [InlineData(500, typeof(PerplexityServerException))]
    [InlineData(502, typeof(PerplexityServerException))]
    [InlineData(503, typeof(PerplexityServerException))]
    public async Task GetAsync_ErrorStatus_ThrowsItsExceptionWithDetails(int status, Type expected)
    {
        const string body = """{"error":{"message":"Something went wrong","type":"test_error","code":"E42"}}""";
        Respond(status, body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityApiException>(() => client.Sonar.GetAsync("job-1"));

        ex.GetType().ShouldBe(expected);
        ex.ShouldBeAssignableTo<PerplexityException>();
        ex.StatusCode.ShouldBe((HttpStatusCode)status);
        ex.RequestId.ShouldBe("job-1");
        ex.ResponseBody.ShouldBe(body);
        ex.ErrorMessage.ShouldBe("Something went wrong");
        ex.ErrorType.ShouldBe("test_error");
        ex.ErrorCode.ShouldBe("E42");
        ex.RetryAfter.ShouldBeNull();
        ex.Details.Method.ShouldBe(System.Net.Http.HttpMethod.Get);
        ex.Details.Route.ShouldBe("v1/async/sonar/{api_request}");
        ex.Details.ValidationErrors.ShouldBeEmpty();
        ex.Message.ShouldStartWith($"GET v1/async/sonar/{{api_request}} failed with {status} ");
        ex.Message.ShouldContain("for request id 'job-1'");
        ex.Message.ShouldContain(": Something went wrong (type 'test_error', code 'E42').");
    }

    [Fact]
    public async Task GetAsync_LegacyRouteError_NamesTheLegacyRouteTemplate()
    {
        Respond(404, """{"detail":"Not Found"}""");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => client.ChatCompletions.GetAsync("missing"));

        ex.Details.Route.ShouldBe("async/chat/completions/{api_request}");
        ex.ErrorMessage.ShouldBe("Not Found");
        ex.Message.ShouldStartWith("GET async/chat/completions/{api_request} failed with 404 Not Found for request id 'missing': Not Found. ");
        ex.Message.ShouldContain("Requested GET " + Server.Url + "/async/chat/completions/missing: the id is unknown there");
    }

    [Fact]
    public async Task GetAsync_422FastApiBody_ListsEachLocationAndMessage()
    {
        Respond(422, Fixture.Read("validation-error-422.json"));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityValidationException>(() => client.Sonar.GetAsync("job-1"));

        ex.Errors.Count.ShouldBe(3);
        ex.Errors[0].Location.ShouldBe([new StringOrInteger("path"), new StringOrInteger("api_request")]);
        ex.Errors[0].Type.ShouldBe("string_too_short");
        ex.Errors[2].Location[3].ShouldBe(new StringOrInteger(0));
        ex.Errors[2].Path.ShouldBe("body.request.messages.0.content");
        ex.Message.ShouldContain("path.api_request: String should have at least 1 character");
        ex.Message.ShouldContain("query.local_mode: Input should be a valid boolean, unable to interpret input");
        ex.Message.ShouldContain("body.request.messages.0.content: Field required");
        ex.Message.ShouldContain("422 Unprocessable Entity");
        ex.ErrorType.ShouldBeNull();
        ex.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_DetailArrayWithOneOddEntry_KeepsTheOthers()
    {
        Respond(422, """{"detail":[{"loc":["query","local_mode"],"msg":"bad","type":"bool_parsing"},{"unexpected":true},42]}""");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityValidationException>(() => client.Sonar.GetAsync("job-1"));

        ex.Errors.ShouldHaveSingleItem().Message.ShouldBe("bad");
        ex.ErrorMessage.ShouldBe("query.local_mode: bad");
    }

    [Theory]
    [InlineData("""{"error":{"message":"Invalid API key","type":"invalid_request_error","code":401}}""", "Invalid API key", "invalid_request_error", "401")]
    [InlineData("""{"error":{"message":"Only a message"}}""", "Only a message", null, null)]
    [InlineData("""{"error":"A plain error string"}""", "A plain error string", null, null)]
    [InlineData("""{"detail":"Could not validate credentials"}""", "Could not validate credentials", null, null)]
    [InlineData("""{"message":"Top-level message"}""", "Top-level message", null, null)]
    public async Task GetAsync_KnownErrorShapes_AreParsed(string body, string message, string? type, string? code)
    {
        Respond(401, body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(() => client.Sonar.GetAsync("job-1"));

        ex.ErrorMessage.ShouldBe(message);
        ex.ErrorType.ShouldBe(type);
        ex.ErrorCode.ShouldBe(code);
        ex.Message.ShouldContain(": " + message);
        ex.ResponseBody.ShouldBe(body);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("upstream connect error", "text/plain")]
    [InlineData("""{"unrelated":"json"}""", "application/json")]
    [InlineData("[1,2,3]", "application/json")]
    [InlineData("{ not json", "application/json")]
    public async Task GetAsync_UnknownErrorBody_FallsBackToTheRawText(string body, string contentType)
    {
        Respond(502, body, contentType);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityServerException>(() => client.Sonar.GetAsync("job-1"));

        ex.ErrorMessage.ShouldBeNull();
        ex.ResponseBody.ShouldBe(body);
        ex.Message.ShouldEndWith(": " + body + ".");
    }

    [Fact]
    public async Task GetAsync_EmptyErrorBody_HasNoBodyAndAPlainMessage()
    {
        Respond(503, string.Empty);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityServerException>(() => client.Sonar.GetAsync("job-1"));

        ex.ResponseBody.ShouldBeNull();
        ex.ErrorMessage.ShouldBeNull();
        ex.Message.ShouldStartWith("GET v1/async/sonar/{api_request} failed with 503 ");
        ex.Message.ShouldEndWith(" for request id 'job-1'.");
    }

    [Fact]
    public async Task GetAsync_HugeErrorBody_IsCappedAndShortenedInTheMessage()
    {
        var body = "<html>" + new string('x', 40_000) + "</html>";
        Respond(500, body, "text/html");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityServerException>(() => client.Sonar.GetAsync("job-1"));

        ex.ResponseBody!.Length.ShouldBe(16 * 1024);
        body.ShouldStartWith(ex.ResponseBody);
        ex.Message.Length.ShouldBeLessThan(400);
        ex.Message.ShouldContain("…");
    }

    [Theory]
    [InlineData("retry-after-ms", "1500", 1500)]
    [InlineData("retry-after-ms", "0", 0)]
    [InlineData("retry-after-ms", "250.5", 250.5)]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("Retry-After", "0", 0)]
    public async Task GetAsync_RetryAfterHeader_IsExposed(string header, string value, double expectedMilliseconds)
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader(header, value).WithBody("""{"error":{"message":"slow down"}}"""));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => client.Sonar.GetAsync("job-1"));

        ex.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public async Task GetAsync_BothRetryAfterHeaders_PrefersMilliseconds()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(
            Response.Create().WithStatusCode(503).WithHeader("retry-after-ms", "300").WithHeader("Retry-After", "9"));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityServerException>(() => client.Sonar.GetAsync("job-1"));

        ex.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(300));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    public async Task GetAsync_UnusableRetryAfterMs_FallsBackToRetryAfter(string value)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(
            Response.Create().WithStatusCode(429).WithHeader("retry-after-ms", value).WithHeader("Retry-After", "4"));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => client.Sonar.GetAsync("job-1"));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    public async Task GetAsync_UnparsableRetryAfter_IsNull(string value)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", value));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => client.Sonar.GetAsync("job-1"));

        ex.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(0, 0)]
    [InlineData(-60, 0)]
    public async Task GetAsync_RetryAfterHttpDate_IsMeasuredFromTheTimeProvider(int secondsFromNow, int expectedSeconds)
    {
        var now = new DateTimeOffset(2025, 11, 23, 4, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var date = now.AddSeconds(secondsFromNow).ToString("r", CultureInfo.InvariantCulture);
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", date));
        using var client = CreateSut(o => o.TimeProvider = time);

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => client.Sonar.GetAsync("job-1"));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData(401, """{"error":{"message":"Invalid key test-key-0123456789abcdef","type":"auth","code":"test-key-0123456789abcdef"}}""")]
    [InlineData(403, """{"detail":"Key test-key-0123456789abcdef is not allowed"}""")]
    [InlineData(422, """{"detail":[{"loc":["header","authorization"],"msg":"Bearer test-key-0123456789abcdef is malformed","type":"value_error"}]}""")]
    [InlineData(500, "<html>Authorization: Bearer test-key-0123456789abcdef</html>")]
    [InlineData(400, "test-key-0123456789abcdef")]
    // JSON escapes decode to the key only after parsing, past the raw-body redaction.
    [InlineData(401, """{"error":{"message":"\u0074est-key-0123456789abcdef","type":"\u0074est-key-0123456789abcdef","code":"\u0074est-key-0123456789abcdef"}}""")]
    [InlineData(422, """{"detail":[{"loc":["header"],"msg":"\u0074est-key-0123456789abcdef","type":"value_error"}]}""")]
    public async Task GetAsync_ServerEchoesTheApiKey_NoExceptionTextContainsIt(int status, string body)
    {
        Respond(status, body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityApiException>(() => client.Sonar.GetAsync("job-1"));

        string?[] texts =
        [
            ex.Message, ex.ToString(), ex.ResponseBody, ex.ErrorMessage, ex.ErrorType, ex.ErrorCode, ex.Details.ToString(),
            .. ex.Details.ValidationErrors.Select(e => e.Message),
        ];
        foreach (var text in texts)
        {
            (text ?? string.Empty).ShouldNotContain(ApiKey);
        }

        ex.Message.ShouldContain("[REDACTED]");
    }

    private void Respond(int status, string body, string contentType = "application/json") =>
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
}
