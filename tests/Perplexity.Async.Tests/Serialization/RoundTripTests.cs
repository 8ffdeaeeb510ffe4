using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization;

public sealed class RoundTripTests
{
    public static TheoryData<string> Fixtures() => new(Fixture.All);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Serialize_DeserializedFixture_ProducesEquivalentJson(string name)
    {
        var original = Fixture.Read(name);

        var written = PerplexityJson.Serialize(PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(original));

        written.ShouldBeEquivalentJson(original);
    }

    [Fact]
    public void Serialize_ValidationErrorBody_ProducesEquivalentJson()
    {
        var original = Fixture.Read("validation-error-422.json");

        PerplexityJson.Serialize(PerplexityJson.Deserialize<HttpValidationError>(original)).ShouldBeEquivalentJson(original);
    }

    [Fact]
    public void Serialize_Envelope_OmitsNullsAndWritesUnixSeconds()
    {
        var job = Fixture.Envelope("created.json");

        var json = PerplexityJson.Serialize(job);

        json.ShouldBe("""{"id":"req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W","model":"sonar-deep-research","created_at":1763870400,"status":"CREATED"}""");
    }

    [Fact]
    public void Serialize_FractionalTimestamp_KeepsMilliseconds()
    {
        var json = """{"id":"a","model":"m","created_at":1763870400.25,"status":"CREATED"}""";

        var job = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json);

        job.CreatedAt.ToUnixTimeMilliseconds().ShouldBe(1763870400250);
        PerplexityJson.Serialize(job).ShouldBeEquivalentJson(json);
    }
}
