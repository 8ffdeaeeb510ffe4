using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Errors;

/// <summary>Edge cases of error-body parsing that the HTTP-level error tests do not reach (found by Stryker).</summary>
public sealed class ErrorResponseParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoBody_ReturnsNoMessage(string? body)
    {
        var parsed = ErrorResponseParser.Parse(body);

        parsed.Message.ShouldBeNull();
        parsed.ValidationErrors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"message":5}""")]
    [InlineData("""{"error":5}""")]
    [InlineData("""{"error":[1,2]}""")]
    [InlineData("""{"detail":{"a":1}}""")]
    public void Parse_FieldOfAnUnexpectedKind_ReturnsNoMessageInsteadOfThrowing(string body)
    {
        var parsed = ErrorResponseParser.Parse(body);

        parsed.Message.ShouldBeNull();
    }

    [Fact]
    public void Parse_EmptyDetailList_ReturnsNoMessageRatherThanAnEmptyOne()
    {
        var parsed = ErrorResponseParser.Parse("""{"detail":[]}""");

        parsed.Message.ShouldBeNull();
        parsed.ValidationErrors.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_ValidationErrorsWithAndWithoutLocation_PrefixesOnlyThoseWithOne()
    {
        var parsed = ErrorResponseParser.Parse(
            """{"detail":[{"loc":[],"msg":"body is empty","type":"missing"},{"loc":["body","model"],"msg":"field required","type":"missing"}]}""");

        parsed.Message.ShouldBe("body is empty; body.model: field required");
        parsed.ValidationErrors.Count.ShouldBe(2);
    }
}
