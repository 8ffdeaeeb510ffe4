using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>
/// String members whose values repeat read known values as shared literals (no string per value) and behave otherwise
/// exactly as a plain string member: unknown values, escapes, null, wrong tokens and writing back.
/// </summary>
public sealed class KnownStringConverterTests
{
    private const string Completion = """
        {"id":"cmpl_1","model":"sonar-deep-research","created":1700000000,"object":"chat.completion",
         "choices":[{"index":0,"message":{"role":"assistant","content":"a","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}],
           "reasoning_steps":[{"thought":"t1","type":"web_search"},{"thought":"t2","type":"fetch_url_content"},
                              {"thought":"t3","type":"execute_python"},{"thought":"t4","type":"new_kind"},{"thought":"t5","type":null}]}}]}
        """;

    [Fact]
    public void Deserialize_KnownValues_ReadAsSharedLiterals()
    {
        var envelope = Read(Envelope("sonar-deep-research", Completion));
        var completion = envelope.Response!;
        var message = completion.Choices[0].Message!;

        ReferenceEquals(envelope.Model, "sonar-deep-research").ShouldBeTrue();
        ReferenceEquals(completion.Model, "sonar-deep-research").ShouldBeTrue();
        ReferenceEquals(completion.ObjectType, "chat.completion").ShouldBeTrue();
        ReferenceEquals(message.ToolCalls![0].Type, "function").ShouldBeTrue();
        ReferenceEquals(message.ReasoningSteps![0].Type, "web_search").ShouldBeTrue();
        ReferenceEquals(message.ReasoningSteps[1].Type, "fetch_url_content").ShouldBeTrue();
        ReferenceEquals(message.ReasoningSteps[2].Type, "execute_python").ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_UnknownValueAndNull_ReadAsPlainStrings()
    {
        var envelope = Read(Envelope("sonar-next", Completion.Replace("\"sonar-deep-research\"", "\"sonar-next\"")));
        var steps = envelope.Response!.Choices[0].Message!.ReasoningSteps!;

        envelope.Model.ShouldBe("sonar-next");
        envelope.Response.Model.ShouldBe("sonar-next");
        steps[3].Type.ShouldBe("new_kind");
        steps[4].Type.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_EscapedKnownValue_ReadsAsTheLiteral()
    {
        var envelope = Read(Envelope("sonar\\u002dpro", Completion));

        ReferenceEquals(envelope.Model, "sonar-pro").ShouldBeTrue();
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Deserialize_ModelNotAString_ThrowsJsonExceptionWithThePath(string model)
    {
        var json = $$"""{"id":"r","model":{{model}},"created_at":1,"status":"CREATED"}""";

        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));

        ex.Path.ShouldBe("$.model");
        ex.Message.ShouldContain("$.model");
    }

    [Fact]
    public void Deserialize_StepTypeNotAString_ThrowsJsonExceptionWithThePath()
    {
        var json = Envelope("sonar", Completion.Replace("\"type\":\"web_search\"", "\"type\":1"));

        var ex = Should.Throw<JsonException>(() => Read(json));

        ex.Message.ShouldContain("reasoning_steps[0].type");
    }

    [Fact]
    public void Serialize_AfterRead_WritesTheSameValues()
    {
        var json = Envelope("sonar-deep-research", Completion);

        PerplexityJson.Serialize(Read(json)).ShouldBeEquivalentJson(PerplexityJson.Serialize(Read(PerplexityJson.Serialize(Read(json)))));
        var written = PerplexityJson.Serialize(Read(json));
        written.ShouldContain("\"type\":\"web_search\"");
        written.ShouldContain("\"type\":\"new_kind\"");
        written.ShouldContain("\"object\":\"chat.completion\"");
        written.ShouldContain("\"model\":\"sonar-deep-research\"");
    }

    private static AsyncApiChatCompletionsResponse Read(string json) =>
        PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json);

    private static string Envelope(string model, string completion) =>
        $$"""{"id":"req_1","model":"{{model}}","created_at":1700000000,"status":"COMPLETED","response":{{completion}}}""";
}
