using System.Net;
using System.Net.Http;
using System.Text.Json;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Tests.Errors;

/// <summary>The one redaction path: masking before cutting, and exceptions rebuilt without the key.</summary>
public sealed class RedactorTests
{
    private const string Key = "pplx-REDACTOR-KEY-0123456789";
    private readonly Redactor _redactor = new(Key);

    [Fact]
    public void RedactAndCut_KeySeenWholePastTheCut_MasksItWholeAndKeepsTheMaskWhole()
    {
        var text = new string('a', 10) + Key + "tail";

        var result = _redactor.RedactAndCut(text, maxLength: 12, wasTruncated: true);

        result.ShouldBe(new string('a', 10) + Redactor.Mask);
    }

    [Fact]
    public void RedactAndCut_CutBeforeTheKey_DropsItAndMasksNothing()
    {
        var result = _redactor.RedactAndCut(new string('a', 10) + Key, maxLength: 10, wasTruncated: false);

        result.ShouldBe(new string('a', 10));
    }

    [Fact]
    public void RedactAndCut_TextEndsInsideTheKeyAndWasTruncated_MasksTheStartOfTheKey()
    {
        var result = _redactor.RedactAndCut("abc" + Key[..10], maxLength: 100, wasTruncated: true);

        result.ShouldBe("abc" + Redactor.Mask);
    }

    [Fact]
    public void RedactAndCut_TextRunsOutSoonAfterTheCut_MasksAKeyStartLeftAtTheCut()
    {
        // Only 5 characters were seen past the cut, fewer than the key's length: the tail may be the key.
        var result = _redactor.RedactAndCut("abc" + Key[..12], maxLength: 10, wasTruncated: true);

        result.ShouldBe("abc" + Redactor.Mask);
    }

    [Fact]
    public void RedactAndCut_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        var result = _redactor.RedactAndCut("ab😀cd", maxLength: 3, wasTruncated: false);

        result.ShouldBe("ab😀");
    }

    [Fact]
    public void LookAheadBytes_IsTheKeysLengthInUtf8()
    {
        _redactor.LookAheadBytes.ShouldBe(Key.Length);
        new Redactor("pplx-é").LookAheadBytes.ShouldBe(7);
        Redactor.None.LookAheadBytes.ShouldBe(0);
    }

    [Fact]
    public void Sanitize_HttpRequestExceptionWithTheKeyInItsCause_KeepsTypesErrorAndStatusAndMasksEveryMessage()
    {
        var original = new HttpRequestException(
            HttpRequestError.InvalidResponse, "An error occurred", new HttpIOException(HttpRequestError.InvalidResponse, $"invalid line 'Bearer {Key}'"), HttpStatusCode.BadGateway);

        var sanitized = _redactor.Sanitize(original).ShouldBeOfType<HttpRequestException>();

        sanitized.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        sanitized.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        sanitized.InnerException.ShouldBeOfType<HttpIOException>().Message.ShouldBe("invalid line 'Bearer [REDACTED]' (InvalidResponse)");
        sanitized.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public void Sanitize_JsonExceptionWithTheKeyInItsPath_MasksThePath()
    {
        var original = new JsonException($"bad value. Path: $.{Key}", "$." + Key, 0, 10);

        var sanitized = _redactor.Sanitize(original).ShouldBeOfType<JsonException>();

        sanitized.Path.ShouldBe("$.[REDACTED]");
        sanitized.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public void Sanitize_NoKeyAnywhere_ReturnsTheSameException()
    {
        var original = new InvalidOperationException("fine");

        _redactor.Sanitize(original).ShouldBeSameAs(original);
    }
}
