using System.Net.Http;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>The media type of a response, read without parsing the header in the common case (found by Stryker).</summary>
public sealed class ResponseMediaTypeTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON")]
    public void Of_PlainJsonInAnyCase_ReturnsTheCanonicalName(string header)
    {
        using var content = Content(header);

        ResponseMediaType.Of(content).ShouldBe("application/json");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("text/html", "text/html")]
    [InlineData("application/problem+json", "application/problem+json")]
    public void Of_OtherValues_ReturnsTheParsedMediaType(string header, string expected)
    {
        using var content = Content(header);

        ResponseMediaType.Of(content).ShouldBe(expected);
    }

    [Fact]
    public void Of_TwoContentTypeValues_IsNotTakenForJson()
    {
        // A JSON value next to another is not a JSON response: both are named, so the caller refuses it.
        using var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", ["text/html", "application/json"]);

        ResponseMediaType.Of(content).ShouldBe("text/html, application/json");
    }

    [Theory]
    [InlineData("application/json, text/html")]
    [InlineData("text/html,application/json")]
    public void Of_OneContentTypeWithACommaList_ReturnsTheListAsIs(string header)
    {
        using var content = Content(header);

        ResponseMediaType.Of(content).ShouldBe(header);
    }

    [Fact]
    public void Of_CommaInsideAQuotedParameter_IsOneMediaType()
    {
        using var content = Content("application/json; profile=\"a,b\"");

        ResponseMediaType.Of(content).ShouldBe("application/json");
    }

    [Fact]
    public void Of_NoContentType_ReturnsNull()
    {
        using var content = new ByteArrayContent([]);

        ResponseMediaType.Of(content).ShouldBeNull();
    }

    private static ByteArrayContent Content(string contentType)
    {
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
