using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization.Agent;

public sealed class AgentRoundTripTests
{
    public static TheoryData<string> Responses() => new(AgentFixture.Responses);

    [Theory]
    [MemberData(nameof(Responses))]
    public void Serialize_DeserializedResponse_ProducesEquivalentJson(string name)
    {
        var original = AgentFixture.Read(name);

        var written = PerplexityJson.Serialize(PerplexityJson.Deserialize<AgentResponse>(original));

        written.ShouldBeEquivalentJson(original);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Serialize_DeserializedResponse_KeepsAllThirtyTwoEnvelopeKeysInTheServiceOrder(string name)
    {
        var fixtureKeys = JsonNode.Parse(AgentFixture.Read(name))!.AsObject().Select(p => p.Key).ToList();
        fixtureKeys.SequenceEqual(AgentFixture.EnvelopeKeys).ShouldBeTrue("the fixture is a live-shaped envelope");

        var written = JsonNode.Parse(PerplexityJson.Serialize(AgentFixture.Response(name)))!.AsObject();

        written.Select(p => p.Key).ShouldBe(AgentFixture.EnvelopeKeys);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Serialize_DeserializedResponse_KeepsEveryNonNullValueAtEveryDepth(string name)
    {
        // Equivalence treats null and absent alike; this checks nothing that had a value went missing or changed.
        var original = JsonNode.Parse(AgentFixture.Read(name));
        var written = JsonNode.Parse(PerplexityJson.Serialize(AgentFixture.Response(name)));

        MissingValues(original, written, "$").ShouldBeEmpty();
    }

    [Fact]
    public void Serialize_FactoryResponse_WritesTheEnvelopeWithNullsAsTheServiceDoes()
    {
        var json = JsonNode.Parse(PerplexityJson.Serialize(PerplexityModelFactory.AgentResponse()))!.AsObject();

        json["error"].ShouldBeNull();
        json.ContainsKey("error").ShouldBeTrue();
        json.ContainsKey("usage").ShouldBeTrue();
        json.ContainsKey("completed_at").ShouldBeTrue();
        json["output"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public void Serialize_ResponseStream_ReadsLikeAString()
    {
        var original = AgentFixture.Read("completed.json");
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(original));

        var response = JsonSerializer.Deserialize(stream, PerplexityJson.GetTypeInfo<AgentResponse>())!;

        PerplexityJson.Serialize(response).ShouldBeEquivalentJson(original);
    }

    [Fact]
    public void RoundTrip_UnknownMembers_AreKeptOnEveryModel()
    {
        var node = JsonNode.Parse(AgentFixture.Read("completed.json"))!;
        node["future_top"] = 1;
        node["usage"]!["future_usage"] = "u";
        node["usage"]!["cost"]!["future_cost"] = 2.5;
        node["usage"]!["input_tokens_details"]!["future_detail"] = true;
        node["usage"]!["tool_calls_details"]!["fetch_url"]!["future_tool"] = new JsonArray(1, 2);
        node["output"]![0]!["future_item"] = new JsonObject { ["x"] = 1 };
        node["output"]![0]!["results"]![0]!["future_result"] = "r";
        node["output"]![1]!["contents"]![0]!["future_page"] = "p";
        node["output"]![3]!["content"]![0]!["future_part"] = "t";
        node["output"]![3]!["content"]![0]!["annotations"]![0]!["future_annotation"] = "a";
        var json = node.ToJsonString();

        var response = PerplexityJson.Deserialize<AgentResponse>(json);

        response.AdditionalProperties.ShouldNotBeNull().Keys.ShouldBe(["future_top"]);
        response.Usage!.AdditionalProperties!.Keys.ShouldBe(["future_usage"]);
        response.Usage.Cost!.AdditionalProperties!.Keys.ShouldBe(["future_cost"]);
        response.Usage.InputTokensDetails!.AdditionalProperties!.Keys.ShouldBe(["future_detail"]);
        response.Usage.ToolCallsDetails!["fetch_url"].AdditionalProperties!.Keys.ShouldBe(["future_tool"]);
        var search = response.Output[0].ShouldBeOfType<AgentSearchResultsOutputItem>();
        search.AdditionalProperties!.Keys.ShouldBe(["future_item"]);
        search.Results[0].AdditionalProperties!.Keys.ShouldBe(["future_result"]);
        response.Output[1].ShouldBeOfType<AgentFetchUrlResultsOutputItem>().Contents[0].AdditionalProperties!.Keys.ShouldBe(["future_page"]);
        var text = response.Output[3].ShouldBeOfType<AgentMessageOutputItem>().Content[0].ShouldBeOfType<AgentOutputTextPart>();
        text.AdditionalProperties!.Keys.ShouldBe(["future_part"]);
        text.Annotations![0].AdditionalProperties!.Keys.ShouldBe(["future_annotation"]);
        PerplexityJson.Serialize(response).ShouldBeEquivalentJson(json);
    }

    private static List<string> MissingValues(JsonNode? expected, JsonNode? actual, string path)
    {
        var missing = new List<string>();
        switch (expected)
        {
            case null:
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (actual is not JsonObject actualObject || !actualObject.TryGetPropertyValue(key, out var other) || other is null)
                    {
                        missing.Add($"{path}.{key}");
                    }
                    else
                    {
                        missing.AddRange(MissingValues(value, other, $"{path}.{key}"));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    missing.AddRange(MissingValues(array[i], (actual as JsonArray)?.ElementAtOrDefault(i), $"{path}[{i}]"));
                }

                break;
            default:
                if (JsonEquivalence.FindDifference(expected, actual, path) is { } difference)
                {
                    missing.Add(difference);
                }

                break;
        }

        return missing;
    }
}
