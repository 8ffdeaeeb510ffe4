using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization.Agent;

/// <summary>
/// The echoes every poll repeats (<c>text</c>, <c>tools</c>, <c>metadata</c>, the preset in <c>model</c>,
/// <c>service_tier</c>) read as shared values, and everything else reads, fails and writes back as before.
/// </summary>
public sealed class AgentEnvelopeEchoTests
{
    private static readonly JsonSerializerOptions OneByteBuffer = new(PerplexityJson.Options) { DefaultBufferSize = 1 };

    [Fact]
    public void Deserialize_CommonEchoes_ReadAsSharedValues()
    {
        var first = Read(Envelope());
        var second = Read(Envelope());

        // A JsonElement compares by its document and position: equal only when both reads return the one shared value.
        first.Text!.Value.Equals(second.Text!.Value).ShouldBeTrue();
        first.Tools!.Value.Equals(second.Tools!.Value).ShouldBeTrue();
        ReferenceEquals(first.Metadata, second.Metadata).ShouldBeTrue();
        ReferenceEquals(first.Model, "medium").ShouldBeTrue();
        ReferenceEquals(first.ServiceTier, "default").ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_EscapedCommonEcho_ReadsAsTheSharedValue()
    {
        var plain = Read(Envelope());
        var escaped = Read(Envelope(text: """{"form\u0061t":{"type":"te\u0078t"}}"""));

        escaped.Text!.Value.Equals(plain.Text!.Value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"format":{"type":"json_schema"}}""")]
    [InlineData("""{"format":{"type":"text","extra":1}}""")]
    [InlineData("""{"format":{"type":"text"},"verbosity":"low"}""")]
    [InlineData("""{"format":{}}""")]
    [InlineData("""{"format":"text"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""[{}]""")]
    [InlineData("\"text\"")]
    [InlineData("7")]
    public void Deserialize_OtherTextEcho_KeepsItsRawJson(string text)
    {
        var response = Read(Envelope(text: text));

        response.Text!.Value.GetRawText().ShouldBeEquivalentJson(text);
        JsonNode.Parse(PerplexityJson.Serialize(response))!["text"]!.ToJsonString().ShouldBeEquivalentJson(text);
    }

    [Fact]
    public void Deserialize_ResolvedTools_KeepsTheirRawJson()
    {
        const string tools = """[{"type":"web_search"},{"type":"fetch_url","max_urls":2}]""";

        var response = Read(Envelope(tools: tools));

        response.Tools!.Value.GetRawText().ShouldBeEquivalentJson(tools);
        JsonNode.Parse(PerplexityJson.Serialize(response))!["tools"]!.ToJsonString().ShouldBeEquivalentJson(tools);
    }

    [Fact]
    public void Deserialize_NullEchoes_ReadAndWriteAsNull()
    {
        var response = Read(Envelope(text: "null", tools: "null", metadata: "null", serviceTier: "null"));

        response.Text.ShouldBeNull();
        response.Tools.ShouldBeNull();
        response.Metadata.ShouldBeNull();
        response.ServiceTier.ShouldBeNull();
        var written = JsonNode.Parse(PerplexityJson.Serialize(response))!.AsObject();
        foreach (var key in new[] { "text", "tools", "metadata", "service_tier" })
        {
            written.ContainsKey(key).ShouldBeTrue(key);
            written[key].ShouldBeNull(key);
        }
    }

    [Fact]
    public void Deserialize_EmptyMetadata_IsReadOnly()
    {
        var metadata = Read(Envelope()).Metadata!;

        metadata.Count.ShouldBe(0);
        Should.Throw<NotSupportedException>(() => ((IDictionary<string, string>)metadata).Add("k", "v"));
    }

    [Fact]
    public void Deserialize_Metadata_ReadsAndWritesItsValues()
    {
        var response = Read(Envelope(metadata: """{"team":"research","ticket":"T-1"}"""));

        response.Metadata!["team"].ShouldBe("research");
        response.Metadata["ticket"].ShouldBe("T-1");
        JsonNode.Parse(PerplexityJson.Serialize(response))!["metadata"]!.ToJsonString()
            .ShouldBeEquivalentJson("""{"team":"research","ticket":"T-1"}""");
    }

    [Theory]
    [InlineData("""{"team":1}""")]
    [InlineData("""[]""")]
    [InlineData("\"x\"")]
    public void Deserialize_MetadataOfTheWrongShape_ThrowsJsonException(string metadata)
    {
        Should.Throw<JsonException>(() => Read(Envelope(metadata: metadata)));
    }

    [Fact]
    public void Deserialize_ResolvedModelAndOtherTier_ReadAsTheirStrings()
    {
        var response = Read(Envelope(model: "\"openai/gpt-5.1\"", serviceTier: "\"priority\""));

        response.Model.ShouldBe("openai/gpt-5.1");
        response.ServiceTier.ShouldBe("priority");
    }

    [Fact]
    public void DeserializeAsync_CommonEchoesAcrossSmallBufferBoundaries_ReadAsFromAString()
    {
        var json = Envelope();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var response = JsonSerializer.Deserialize<AgentResponse>(stream, OneByteBuffer)!;

        PerplexityJson.Serialize(response).ShouldBeEquivalentJson(PerplexityJson.Serialize(Read(json)));
        response.Text!.Value.Equals(Read(json).Text!.Value).ShouldBeTrue();
    }

    private static AgentResponse Read(string json) => PerplexityJson.Deserialize<AgentResponse>(json);

    private static string Envelope(
        string text = """{"format":{"type":"text"}}""",
        string tools = "[]",
        string metadata = "{}",
        string model = "\"medium\"",
        string serviceTier = "\"default\"") =>
        $$"""
        {"background":true,"completed_at":null,"created_at":1764000000,"error":null,"frequency_penalty":0,
         "id":"resp_1","incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,
         "metadata":{{metadata}},"model":{{model}},"object":"response","output":[],"parallel_tool_calls":true,
         "presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,
         "reasoning":{"effort":"high","summary":null},"safety_identifier":null,"service_tier":{{serviceTier}},
         "status":"queued","store":true,"temperature":1,"text":{{text}},"tool_choice":"auto","tools":{{tools}},
         "top_logprobs":0,"top_p":1,"truncation":"","usage":null,"user":null}
        """;
}
