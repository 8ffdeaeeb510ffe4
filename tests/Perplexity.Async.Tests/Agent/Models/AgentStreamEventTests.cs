using System.Text;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentStreamEventTests
{
    private static readonly IReadOnlyList<string> Lines = AgentFixture.StreamEvents();

    private static AgentStreamEvent Parse(int line) => PerplexityJson.Deserialize<AgentStreamEvent>(Lines[line]);

    [Fact]
    public void Deserialize_EveryEventOfTheFixture_ReadsItsRecordInOrder()
    {
        var events = Lines.Select(line => PerplexityJson.Deserialize<AgentStreamEvent>(line)).ToList();

        events.Select(e => e.GetType()).ShouldBe(
        [
            typeof(AgentResponseCreatedEvent), typeof(AgentResponseInProgressEvent), typeof(AgentReasoningStartedEvent),
            typeof(AgentReasoningSearchQueriesEvent), typeof(AgentReasoningSearchResultsEvent),
            typeof(AgentReasoningImageSearchQueriesEvent), typeof(AgentReasoningImageSearchResultsEvent),
            typeof(AgentReasoningFetchUrlQueriesEvent), typeof(AgentReasoningFetchUrlResultsEvent),
            typeof(AgentReasoningStoppedEvent), typeof(AgentSkillLoadedEvent), typeof(AgentOutputItemAddedEvent),
            typeof(AgentOutputTextDeltaEvent), typeof(AgentOutputTextDeltaEvent), typeof(AgentOutputTextDoneEvent),
            typeof(AgentOutputItemDoneEvent), typeof(AgentUnknownStreamEvent), typeof(AgentResponseCompletedEvent),
            typeof(AgentResponseIncompleteEvent), typeof(AgentResponseCancelledEvent), typeof(AgentResponseFailedEvent),
            typeof(AgentErrorEvent), typeof(AgentErrorEvent),
        ]);
        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, events.Count).Select(i => (long)i));
        events.Select(e => e.Type).ShouldBe(Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
    }

    [Fact]
    public void IsTerminal_FourTerminalResponseEvents_AreTheOnlyTerminalOnes()
    {
        var terminal = Lines.Select(line => PerplexityJson.Deserialize<AgentStreamEvent>(line)).Where(e => e.IsTerminal).Select(e => e.Type);

        terminal.ShouldBe(["response.completed", "response.incomplete", "response.cancelled", "response.failed"]);
    }

    [Fact]
    public void Deserialize_LifecycleEvents_CarryTheirSnapshots()
    {
        Parse(0).ShouldBeOfType<AgentResponseCreatedEvent>().Response!.Status.ShouldBe(AgentResponseStatus.Queued);
        Parse(1).ShouldBeOfType<AgentResponseInProgressEvent>().Response!.Status.ShouldBe(AgentResponseStatus.InProgress);
        var completed = Parse(17).ShouldBeOfType<AgentResponseCompletedEvent>();
        completed.Response!.OutputText.ShouldStartWith("A heat pump");
        completed.Response.Usage!.TotalTokens.ShouldBe(17107);
        Parse(18).ShouldBeOfType<AgentResponseIncompleteEvent>().Response!.IncompleteDetails!.Reason.ShouldBe("max_output_tokens");
        Parse(19).ShouldBeOfType<AgentResponseCancelledEvent>().Response!.Status.ShouldBe(AgentResponseStatus.Cancelled);
        var failed = Parse(20).ShouldBeOfType<AgentResponseFailedEvent>();
        failed.Response.ShouldBeNull("the schema's response.failed has no response");
        failed.Error!.Message.ShouldBe("the run failed");
        failed.Error.Type.ShouldBe("internal_error");
    }

    [Fact]
    public void Deserialize_ReasoningEvents_ReadQueriesResultsAndThoughts()
    {
        Parse(2).ShouldBeOfType<AgentReasoningStartedEvent>().Thought.ShouldBe("I need current prices.");
        var queries = Parse(3).ShouldBeOfType<AgentReasoningSearchQueriesEvent>();
        queries.Queries.ShouldBe(["heat pump cost 2026"]);
        queries.Thought.ShouldBe("Searching.");
        var results = Parse(4).ShouldBeOfType<AgentReasoningSearchResultsEvent>();
        results.Results.Select(r => r.Id).ShouldBe([3L, 1L]);
        results.Usage!.TotalTokens.ShouldBe(10);
        results.Thought.ShouldBeNull();
        var imageQueries = Parse(5).ShouldBeOfType<AgentReasoningImageSearchQueriesEvent>();
        imageQueries.CallId.ShouldBe("call_img");
        imageQueries.Queries.ShouldBe(["air source heat pump"]);
        var images = Parse(6).ShouldBeOfType<AgentReasoningImageSearchResultsEvent>();
        images.CallId.ShouldBe("call_img");
        images.Results.ShouldHaveSingleItem().Width.ShouldBe(1920);
        images.Usage.ShouldBeNull();
        Parse(7).ShouldBeOfType<AgentReasoningFetchUrlQueriesEvent>().Urls.ShouldBe(["https://www.energysavingtrust.org.uk/heat-pumps"]);
        Parse(8).ShouldBeOfType<AgentReasoningFetchUrlResultsEvent>().Contents.ShouldHaveSingleItem().Title.ShouldBe("In-depth guide to heat pumps");
        Parse(9).ShouldBeOfType<AgentReasoningStoppedEvent>().Thought.ShouldBeNull();
        Parse(10).ShouldBeOfType<AgentSkillLoadedEvent>().Name.ShouldBe("office/docx");
    }

    [Fact]
    public void Deserialize_OutputEvents_ReadItemsAndText()
    {
        var added = Parse(11).ShouldBeOfType<AgentOutputItemAddedEvent>();
        added.OutputIndex.ShouldBe(3);
        var partial = added.Item.ShouldBeOfType<AgentMessageOutputItem>();
        partial.Status.ShouldBe(AgentResponseStatus.InProgress);
        partial.Content.ShouldBeEmpty();
        var delta = Parse(12).ShouldBeOfType<AgentOutputTextDeltaEvent>();
        delta.ItemId.ShouldBe("msg_5c0a3c1e-8f1b-4b7e-9a47-1d8d0c2f6b11");
        delta.OutputIndex.ShouldBe(3);
        delta.ContentIndex.ShouldBe(0);
        delta.Delta.ShouldBe("A heat pump ");
        var done = Parse(14).ShouldBeOfType<AgentOutputTextDoneEvent>();
        done.Text.ShouldBe(delta.Delta + Parse(13).ShouldBeOfType<AgentOutputTextDeltaEvent>().Delta);
        done.ItemId.ShouldBe(delta.ItemId);
        Parse(15).ShouldBeOfType<AgentOutputItemDoneEvent>().Item.ShouldBeOfType<AgentMessageOutputItem>().Status.ShouldBe(AgentResponseStatus.Completed);
    }

    [Fact]
    public void Deserialize_ErrorEvent_ReadsTheNestedAndTheFlatForm()
    {
        var nested = Parse(21).ShouldBeOfType<AgentErrorEvent>();
        var flat = Parse(22).ShouldBeOfType<AgentErrorEvent>();

        nested.Error!.Message.ShouldBe("stream interrupted");
        nested.Error.Code.ShouldBe(new StringOrInteger(500));
        nested.ErrorMessage.ShouldBe("stream interrupted");
        nested.IsTerminal.ShouldBeFalse();
        flat.Error.ShouldBeNull();
        flat.Code.ShouldBe(new StringOrInteger("bad_gateway"));
        flat.Message.ShouldBe("upstream closed the connection");
        flat.Param.ShouldBeNull();
        flat.ErrorMessage.ShouldBe("upstream closed the connection");
    }

    [Fact]
    public void Deserialize_UnknownEvent_KeepsItsJsonAndSequenceNumber()
    {
        var unknown = Parse(16).ShouldBeOfType<AgentUnknownStreamEvent>();

        unknown.Type.ShouldBe("response.unknown");
        unknown.SequenceNumber.ShouldBe(16);
        unknown.IsTerminal.ShouldBeFalse();
        unknown.Json.GetProperty("item_name").GetString().ShouldBe("future_thing");
        PerplexityJson.Serialize<AgentStreamEvent>(unknown).ShouldBe(Lines[16]);
    }

    [Fact]
    public void Serialize_EveryEvent_RoundTripsEquivalently()
    {
        foreach (var line in Lines)
        {
            PerplexityJson.Serialize(PerplexityJson.Deserialize<AgentStreamEvent>(line)).ShouldBeEquivalentJson(line);
        }
    }

    [Fact]
    public void Serialize_ConcreteEvent_WritesTypeAndSequenceNumberFirst()
    {
        var json = PerplexityJson.Serialize(PerplexityModelFactory.AgentOutputTextDeltaEvent("Hi", sequenceNumber: 7));

        json.ShouldBe("""{"type":"response.output_text.delta","sequence_number":7,"item_id":"msg_test","output_index":0,"content_index":0,"delta":"Hi"}""");
    }

    [Fact]
    public void Read_Utf8Span_ReadsTheSameEventAsTheStringPath()
    {
        foreach (var line in Lines)
        {
            var fromSpan = AgentStreamEventReader.Read(Encoding.UTF8.GetBytes(line));

            PerplexityJson.Serialize(fromSpan).ShouldBe(PerplexityJson.Serialize(PerplexityJson.Deserialize<AgentStreamEvent>(line)));
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"response.completed\"")]
    [InlineData("{}")]
    [InlineData("""{"type":7,"sequence_number":1}""")]
    [InlineData("""{"type":"response.output_text.delta","sequence_number":1}""")]
    [InlineData("""{"type":"response.output_text.delta","sequence_number":"1","item_id":"m","output_index":0,"content_index":0,"delta":"x"}""")]
    [InlineData("""{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":null}""")]
    [InlineData("""{"type":"response.reasoning.search_queries","sequence_number":1,"queries":[null]}""")]
    [InlineData("""{"type":"response.created","sequence_number":1""")]
    public void Read_InvalidPayload_ThrowsJsonException(string payload)
    {
        Should.Throw<JsonException>(() => AgentStreamEventReader.Read(Encoding.UTF8.GetBytes(payload)));
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AgentStreamEvent>(payload));
    }

    [Fact]
    public void Deserialize_NullQueries_ReadAsEmpty()
    {
        var payload = """{"type":"response.reasoning.search_queries","sequence_number":4,"queries":null}""";

        PerplexityJson.Deserialize<AgentStreamEvent>(payload).ShouldBeOfType<AgentReasoningSearchQueriesEvent>().Queries.ShouldBeEmpty();
    }

    [Fact]
    public void Deserialize_EventWithoutSequenceNumber_ReadsZero()
    {
        PerplexityJson.Deserialize<AgentStreamEvent>("""{"type":"response.reasoning.started"}""").SequenceNumber.ShouldBe(0);
        PerplexityJson.Deserialize<AgentStreamEvent>("""{"type":"brand.new"}""").SequenceNumber.ShouldBe(0);
    }
}
