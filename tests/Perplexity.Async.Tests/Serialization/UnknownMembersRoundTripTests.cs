using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Serialization;

/// <summary>
/// Unknown JSON members are kept on every response model, not only on the envelope: an unknown member is added to
/// every object of every fixture (choices, usage, cost, reasoning steps and their details, search and image results,
/// tool calls, 422 details) and each one survives <c>PerplexityJson.Deserialize</c> → <c>Serialize</c>.
/// </summary>
public sealed class UnknownMembersRoundTripTests
{
    private const string UnknownName = "x_future_member";

    public static TheoryData<string> Fixtures() => new(Fixture.All);

    public static TheoryData<Type> ResponseModels() => new(
    [
        typeof(AsyncApiChatCompletionsResponse), typeof(CompletionResponse), typeof(Choice), typeof(ChatMessage),
        typeof(UsageInfo), typeof(Cost), typeof(ReasoningStep), typeof(WebSearchStepDetails), typeof(FetchUrlContentStepDetails),
        typeof(ExecutePythonStepDetails), typeof(ImageResult), typeof(ApiPublicSearchResult), typeof(ToolCall),
        typeof(ToolCallFunction), typeof(AsyncChatCompletionsListResponse), typeof(AsyncChatCompletionSummary),
        typeof(HttpValidationError), typeof(ValidationError),
        typeof(ChatMessageContentTextChunk), typeof(ChatMessageContentImageChunk), typeof(ChatMessageContentFileChunk),
        typeof(ChatMessageContentPdfChunk), typeof(ChatMessageContentVideoChunk), typeof(ContentUrl), typeof(VideoContentUrl),
    ]);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Serialize_FixtureWithAnUnknownMemberInEveryObject_KeepsEveryOne(string name)
    {
        var (json, injected) = WithUnknownMembers(Fixture.Read(name));

        var written = PerplexityJson.Serialize(PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));

        injected.ShouldBeGreaterThan(0);
        written.ShouldBeEquivalentJson(json);
        CountUnknownMembers(JsonNode.Parse(written)).ShouldBe(injected);
    }

    [Fact]
    public void Serialize_ValidationErrorBodyWithUnknownMembers_KeepsEveryOne()
    {
        var (json, injected) = WithUnknownMembers(Fixture.Read("validation-error-422.json"));

        var written = PerplexityJson.Serialize(PerplexityJson.Deserialize<HttpValidationError>(json));

        injected.ShouldBeGreaterThan(1, "the body and each detail");
        written.ShouldBeEquivalentJson(json);
    }

    [Fact]
    public void Deserialize_SearchResultWithUnknownMembers_KeepsThemInOrderAndWritesThemBack()
    {
        const string json = """{"title":"T","url":"https://e.example/","x_rank":3,"snippet":"s","x_meta":{"a":[1,"b"]},"source":"web"}""";

        var result = PerplexityJson.Deserialize<ApiPublicSearchResult>(json);

        result.AdditionalProperties.ShouldNotBeNull().Keys.ShouldBe(["x_rank", "x_meta"]);
        result.AdditionalProperties["x_rank"].GetInt32().ShouldBe(3);
        PerplexityJson.Serialize(result).ShouldBeEquivalentJson(json);
    }

    [Theory]
    [InlineData("""{"type":"text","text":"hi","x_cache":{"ttl":5}}""")]
    [InlineData("""{"type":"image_url","image_url":{"url":"https://e.example/a.png","x_detail":"high"},"x_order":1}""")]
    [InlineData("""{"type":"file_url","file_url":{"url":"https://e.example/a.txt","x_name":"a"},"file_name":"a.txt","x_order":2}""")]
    [InlineData("""{"type":"pdf_url","pdf_url":{"url":"https://e.example/a.pdf","x_pages":[1,2]},"x_order":3}""")]
    [InlineData("""{"type":"video_url","video_url":{"url":"https://e.example/a.mp4","frame_interval":5,"x_codec":"av1"},"x_order":4}""")]
    public void Serialize_ContentChunkWithUnknownMembers_KeepsThemOnTheChunkAndItsUrl(string json)
    {
        var chunk = PerplexityJson.Deserialize<ChatMessageContentChunk>(json);

        chunk.GetType().GetProperty("AdditionalProperties")!.GetValue(chunk).ShouldNotBeNull();
        PerplexityJson.Serialize(chunk).ShouldBeEquivalentJson(json);
    }

    [Fact]
    public void Deserialize_ContentUrlWithUnknownMember_KeepsItAndTheBareStringFormHasNone()
    {
        var url = PerplexityJson.Deserialize<ContentUrl>("""{"url":"https://e.example/","x_detail":"low"}""");
        var bare = PerplexityJson.Deserialize<ContentUrl>("\"https://e.example/\"");

        url.AdditionalProperties.ShouldNotBeNull()["x_detail"].GetString().ShouldBe("low");
        bare.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_SearchResultWithoutUnknownMembers_HasNoDictionary()
    {
        var result = PerplexityJson.Deserialize<ApiPublicSearchResult>("""{"title":"T","url":"https://e.example/"}""");

        result.AdditionalProperties.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(ResponseModels))]
    public void ResponseModel_HasExtensionDataForUnknownMembers(Type model)
    {
        var property = model.GetProperty("AdditionalProperties");

        property.ShouldNotBeNull($"{model.Name} keeps no unknown members");
        property.PropertyType.ShouldBe(typeof(IDictionary<string, JsonElement>));
        property.GetCustomAttribute<JsonExtensionDataAttribute>().ShouldNotBeNull();
        property.SetMethod.ShouldNotBeNull().IsPublic.ShouldBeFalse();
    }

    [Fact]
    public void ModelFactory_UnknownMembersGiven_KeepsACopyOnEveryModel()
    {
        var extra = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("1").RootElement };

        PerplexityModelFactory.Choice(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.UsageInfo(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.Cost(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ReasoningStep(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.WebSearchStepDetails(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.FetchUrlContentStepDetails(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ExecutePythonStepDetails(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ImageResult(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ApiPublicSearchResult(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ToolCall(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ToolCallFunction(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.HttpValidationError(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.ValidationError(additionalProperties: extra).AdditionalProperties.ShouldBe(extra);
        PerplexityModelFactory.Cost(additionalProperties: extra).AdditionalProperties.ShouldNotBeSameAs(extra, "a copy");
    }

    /// <summary>Adds an unknown member to every object, content chunks and their URL objects included.</summary>
    private static (string Json, int Injected) WithUnknownMembers(string json)
    {
        var root = JsonNode.Parse(json)!;
        var count = 0;
        Visit(root);
        return (root.ToJsonString(), count);

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, value) in obj.ToList())
                    {
                        Visit(value);
                    }

                    obj[UnknownName] = new JsonObject { ["kept"] = new JsonArray(1, "two", true), ["n"] = count };
                    count++;
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }

    private static int CountUnknownMembers(JsonNode? node) => node switch
    {
        JsonObject obj => (obj.ContainsKey(UnknownName) ? 1 : 0) + obj.Where(p => p.Key != UnknownName).Sum(p => CountUnknownMembers(p.Value)),
        JsonArray array => array.Sum(CountUnknownMembers),
        _ => 0,
    };
}
