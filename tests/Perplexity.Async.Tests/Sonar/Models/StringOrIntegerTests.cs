using System.Globalization;
using System.Text.Json;

namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class StringOrIntegerTests
{
    [Fact]
    public void StringValue_HasOnlyTheStringView()
    {
        StringOrInteger value = "body";

        value.IsInteger.ShouldBeFalse();
        value.StringValue.ShouldBe("body");
        value.IntegerValue.ShouldBeNull();
        value.ToString().ShouldBe("body");
    }

    [Fact]
    public void IntegerValue_HasOnlyTheIntegerView()
    {
        StringOrInteger value = 42L;

        value.IsInteger.ShouldBeTrue();
        value.StringValue.ShouldBeNull();
        value.IntegerValue.ShouldBe(42L);
        value.ToString().ShouldBe("42");
    }

    [Fact]
    public void ToString_NegativeIntegerUnderAnyCulture_UsesInvariantDigits()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE");

            new StringOrInteger(-1234567).ToString().ShouldBe("-1234567");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Default_IsTheIntegerZero()
    {
        default(StringOrInteger).IsInteger.ShouldBeTrue();
        default(StringOrInteger).ShouldBe(new StringOrInteger(0));
    }

    [Fact]
    public void Equals_ComparesFormAndValue()
    {
        new StringOrInteger(1).ShouldBe(new StringOrInteger(1));
        (new StringOrInteger(1) == new StringOrInteger(1)).ShouldBeTrue();
        (new StringOrInteger(1) != new StringOrInteger("1")).ShouldBeTrue();
        new StringOrInteger("a").ShouldNotBe(new StringOrInteger("A"));
        new StringOrInteger("a").GetHashCode().ShouldBe(new StringOrInteger("a").GetHashCode());
        new StringOrInteger("").ShouldNotBe(default);
        new StringOrInteger(1).Equals((object)1L).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_NullString_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => new StringOrInteger((string)null!));
    }

    [Theory]
    [InlineData("\"body\"", false)]
    [InlineData("\"12\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("12", true)]
    [InlineData("-7", true)]
    [InlineData("0", true)]
    [InlineData("9223372036854775807", true)]
    public void Deserialize_StringOrInteger_WritesBackTheSameForm(string json, bool isInteger)
    {
        var value = PerplexityJson.Deserialize<StringOrInteger>(json);

        value.IsInteger.ShouldBe(isInteger);
        PerplexityJson.Serialize(value).ShouldBe(json);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void Deserialize_OtherJson_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<StringOrInteger>(json));
    }

    [Fact]
    public void ValidationErrorPath_MixedLocation_JoinsWithDots()
    {
        var error = PerplexityJson.Deserialize<ValidationError>("""{"loc":["body","messages",0,"content"],"msg":"Field required","type":"missing"}""");

        error.Location.Select(l => l.IsInteger).ShouldBe([false, false, true, false]);
        error.Path.ShouldBe("body.messages.0.content");
    }
}
