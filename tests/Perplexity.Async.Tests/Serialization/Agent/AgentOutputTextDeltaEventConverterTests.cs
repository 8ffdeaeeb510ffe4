using System.Text;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async.Tests.Serialization.Agent;

/// <summary>The hand-written text delta converter behaves as the generated one did, through the stream's reader and on its own.</summary>
public sealed class AgentOutputTextDeltaEventConverterTests
{
    private const string Json =
        """{"type":"response.output_text.delta","sequence_number":7,"item_id":"msg_1","output_index":0,"content_index":2,"delta":"Hel lo"}""";

    private static AgentStreamEvent Read(string json) => AgentStreamEventReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_EveryField_ReadsItAndWritesItBack()
    {
        var e = Read(Json).ShouldBeOfType<AgentOutputTextDeltaEvent>();

        e.ShouldBe(new AgentOutputTextDeltaEvent { SequenceNumber = 7, ItemId = "msg_1", OutputIndex = 0, ContentIndex = 2, Delta = "Hel lo" });
        e.HasSequenceNumber.ShouldBeTrue();
        PerplexityJson.Serialize<AgentStreamEvent>(e).ShouldBe(Json);
        PerplexityJson.Serialize(e).ShouldBe(Json);
    }

    [Fact]
    public void Read_MembersInAnyOrder_ReadsThem()
    {
        var e = Read("""{"delta":"x","content_index":1,"output_index":3,"item_id":"m","sequence_number":4,"type":"response.output_text.delta"}""")
            .ShouldBeOfType<AgentOutputTextDeltaEvent>();

        (e.Delta, e.ContentIndex, e.OutputIndex, e.ItemId, e.SequenceNumber).ShouldBe(("x", 1, 3, "m", 4L));
    }

    [Fact]
    public void Read_NoSequenceNumber_ReadsZeroAndSaysItWasAbsent()
    {
        var e = Read("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":"x"}""");

        e.SequenceNumber.ShouldBe(0);
        e.HasSequenceNumber.ShouldBeFalse("a resumed stream de-duplicates only the events that carry a number");
    }

    [Fact]
    public void Read_UnknownMembers_AreKeptAndWrittenAfterTheKnownOnes()
    {
        const string json =
            """{"type":"response.output_text.delta","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"x","logprobs":[{"token":"x","logprob":-0.1}],"obfuscation":"ab"}""";

        var e = Read(json).ShouldBeOfType<AgentOutputTextDeltaEvent>();

        e.AdditionalProperties!.Keys.ShouldBe(["logprobs", "obfuscation"]);
        PerplexityJson.Serialize<AgentStreamEvent>(e).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"x"}""", "no 'item_id'")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","content_index":0,"delta":"x"}""", "no 'output_index'")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"delta":"x"}""", "no 'content_index'")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0}""", "no 'delta'")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":null}""", "'delta' to be a string")]
    [InlineData("""{"type":"response.output_text.delta","item_id":5,"output_index":0,"content_index":0,"delta":"x"}""", "'item_id' to be a string")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":"0","content_index":0,"delta":"x"}""", "'output_index' to be an integer")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":1.5,"delta":"x"}""", "'content_index' to be an integer")]
    [InlineData("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":3000000000,"delta":"x"}""", "'content_index' to be an integer")]
    [InlineData("""{"type":"response.output_text.delta","sequence_number":null,"item_id":"m","output_index":0,"content_index":0,"delta":"x"}""", "'sequence_number' to be an integer")]
    public void Read_MissingOrMistypedMember_ThrowsJsonExceptionNamingIt(string json, string expected)
    {
        Should.Throw<JsonException>(() => Read(json)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_MistypedDelta_IsAProtocolErrorNamingTheMember()
    {
        var parser = new AgentSseItemParser(1024, new Perplexity.Async.Errors.Redactor("pplx-test-key"));

        var ex = Should.Throw<PerplexityProtocolException>(
            () => parser.Parse("message", Encoding.UTF8.GetBytes("""{"type":"response.output_text.delta","item_id":"m","output_index":0,"content_index":0,"delta":7}""")));

        ex.Message.ShouldContain("'delta' to be a string");
    }

    [Fact]
    public void Deserialize_OnItsOwn_UsesTheSameRules()
    {
        var e = PerplexityJson.Deserialize<AgentOutputTextDeltaEvent>(Json);

        e.Delta.ShouldBe("Hel lo");
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentOutputTextDeltaEvent>("[]")).Message.ShouldContain("text delta event as an object");
    }
}
