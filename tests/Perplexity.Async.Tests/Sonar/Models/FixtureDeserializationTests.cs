using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class FixtureDeserializationTests
{
    private static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    [Fact]
    public void Deserialize_LegacyReferenceExample_ReadsEveryField()
    {
        var job = Fixture.Envelope("legacy-reference-example.json");

        job.Id.ShouldBe("<string>");
        job.Model.ShouldBe("<string>");
        job.CreatedAt.ShouldBe(Unix(123));
        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.StartedAt.ShouldBe(Unix(123));
        job.CompletedAt.ShouldBe(Unix(123));
        job.FailedAt.ShouldBe(Unix(123));
        job.ErrorMessage.ShouldBe("<string>");
        job.AdditionalProperties.ShouldBeNull();

        var response = job.Response.ShouldNotBeNull();
        response.Id.ShouldBe("<string>");
        response.Model.ShouldBe("<string>");
        response.Created.ShouldBe(Unix(123));
        response.ObjectType.ShouldBe("chat.completion");
        response.Citations.ShouldBe(["<string>"]);
        response.Type.ShouldBe(CompletionResponseType.Message);
        response.Status.ShouldBe(CompletionResponseStatus.Pending);
        response.Images.ShouldBeNull();
        response.RelatedQuestions.ShouldBeNull();
        ShouldBePlaceholderSearchResult(response.SearchResults.ShouldHaveSingleItem());

        var usage = response.Usage.ShouldNotBeNull();
        usage.PromptTokens.ShouldBe(123);
        usage.CompletionTokens.ShouldBe(123);
        usage.TotalTokens.ShouldBe(123);
        usage.SearchContextSize.ShouldBe("<string>");
        usage.CitationTokens.ShouldBe(123);
        usage.NumSearchQueries.ShouldBe(123);
        usage.ReasoningTokens.ShouldBe(123);
        var cost = usage.Cost.ShouldNotBeNull();
        cost.InputTokensCost.ShouldBe(123m);
        cost.OutputTokensCost.ShouldBe(123m);
        cost.TotalCost.ShouldBe(123m);
        cost.ReasoningTokensCost.ShouldBe(123m);
        cost.RequestCost.ShouldBe(123m);
        cost.CitationTokensCost.ShouldBe(123m);
        cost.SearchQueriesCost.ShouldBe(123m);

        var choice = response.Choices.ShouldHaveSingleItem();
        choice.Index.ShouldBe(123);
        choice.FinishReason.ShouldBe(FinishReason.Stop);
        ShouldBePlaceholderLegacyMessage(choice.Message);
        ShouldBePlaceholderLegacyMessage(choice.Delta.ShouldNotBeNull());
    }

    [Fact]
    public void Deserialize_SonarReferenceExample_ReadsEveryField()
    {
        var job = Fixture.Envelope("sonar-reference-example.json");

        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.ErrorMessage.ShouldBe("<string>");
        var response = job.Response.ShouldNotBeNull();
        response.Type.ShouldBeNull();
        response.Status.ShouldBeNull();
        response.RelatedQuestions.ShouldBe(["<string>"]);
        var image = response.Images.ShouldNotBeNull().ShouldHaveSingleItem();
        image.ImageUrl.ShouldBe("<string>");
        image.OriginUrl.ShouldBe("<string>");
        image.Title.ShouldBe("<string>");
        image.Width.ShouldBe(123);
        image.Height.ShouldBe(123);

        var message = response.Choices.ShouldHaveSingleItem().Message;
        message.Role.ShouldBe(ChatMessageRole.System);
        message.Content.ShouldNotBeNull().Text.ShouldBe("<string>");
        message.ReasoningSteps.ShouldBeNull();
        message.ToolCalls.ShouldBeNull();
        message.ToolCallId.ShouldBeNull();
        response.Usage.ShouldNotBeNull().Cost.ShouldNotBeNull().SearchQueriesCost.ShouldBe(123m);
    }

    [Fact]
    public void Deserialize_CreatedJob_HasNullsEverywhereButIdentity()
    {
        var job = Fixture.Envelope("created.json");

        job.Id.ShouldBe("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W");
        job.Model.ShouldBe("sonar-deep-research");
        job.CreatedAt.ShouldBe(new DateTimeOffset(2025, 11, 23, 4, 0, 0, TimeSpan.Zero));
        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.Status.IsTerminal.ShouldBeFalse();
        job.StartedAt.ShouldBeNull();
        job.CompletedAt.ShouldBeNull();
        job.FailedAt.ShouldBeNull();
        job.ErrorMessage.ShouldBeNull();
        job.Response.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_FailedJob_CarriesErrorAndFailureTime()
    {
        var job = Fixture.Envelope("failed.json");

        job.Status.ShouldBe(AsyncProcessingStatus.Failed);
        job.Status.IsTerminal.ShouldBeTrue();
        job.StartedAt.ShouldBe(Unix(1763870405));
        job.FailedAt.ShouldBe(Unix(1763870523));
        job.ErrorMessage.ShouldBe("The model could not complete the research: upstream search quota exceeded.");
        job.Response.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_DeepResearchJob_ReadsEveryReasoningStepKind()
    {
        var job = Fixture.Envelope("deep-research-completed.json");

        job.Status.ShouldBe(AsyncProcessingStatus.Completed);
        job.CompletedAt.ShouldBe(Unix(1763870651));
        var response = job.Response.ShouldNotBeNull();
        response.Text.ShouldNotBeNull().ShouldStartWith("Utility-scale battery pack prices fell about 17%");
        response.Status.ShouldBe(CompletionResponseStatus.Completed);
        response.Citations.ShouldNotBeNull().Count.ShouldBe(4);
        response.SearchResults.ShouldNotBeNull().Select(r => r.Url).ShouldBe(response.Citations);

        var message = response.Choices[0].Message;
        message.Role.ShouldBe(ChatMessageRole.Assistant);
        var steps = message.ReasoningSteps.ShouldNotBeNull();
        steps.Count.ShouldBe(4);

        steps[0].Type.ShouldBe("web_search");
        var search = steps[0].WebSearch.ShouldNotBeNull();
        search.SearchKeywords.ShouldBe(["grid battery cost 2025", "LFP $/kWh utility scale"]);
        search.SearchResults.Count.ShouldBe(2);
        search.SearchResults[0].Title.ShouldBe("Source 1: grid-scale storage study");
        search.SearchResults[0].Date.ShouldBe("2025-02-11");
        search.SearchResults[0].LastUpdated.ShouldBe("2025-10-02");
        steps[0].FetchUrlContent.ShouldBeNull();
        steps[0].ExecutePython.ShouldBeNull();

        var fetched = steps[1].FetchUrlContent.ShouldNotBeNull().Contents;
        fetched.Count.ShouldBe(2);
        fetched[1].Source.ShouldBe(SearchResultSource.Attachment);

        var python = steps[2].ExecutePython.ShouldNotBeNull();
        python.Code.ShouldBe("print(round((139-115)/139*100, 1))");
        python.Result.ShouldBe("17.3");

        steps[3].Type.ShouldBeNull();
        steps[3].Thought.ShouldBe("Enough evidence; write the answer.");

        var call = message.ToolCalls.ShouldNotBeNull().ShouldHaveSingleItem();
        call.Id.ShouldBe("call_1");
        call.Type.ShouldBe("function");
        call.Function.ShouldNotBeNull().Name.ShouldBe("lookup_tariff");
        call.Function.Arguments.ShouldBe("{\"country\":\"US\"}");

        var usage = response.Usage.ShouldNotBeNull();
        usage.ReasoningTokens.ShouldBe(98211);
        usage.NumSearchQueries.ShouldBe(23);
        var cost = usage.Cost.ShouldNotBeNull();
        cost.ReasoningTokensCost.ShouldBe(0.294633m);
        cost.RequestCost.ShouldBe(0m);
        cost.TotalCost.ShouldBe(0.463345m);
    }

    [Fact]
    public void Deserialize_ChunkedContent_ReadsAllFiveKindsInBothUrlForms()
    {
        var message = Fixture.Envelope("content-chunks.json").Response!.Choices[0].Message;
        var content = message.Content.ShouldNotBeNull();

        content.IsText.ShouldBeFalse();
        content.Text.ShouldBe("Compare these. Thanks.");
        var parts = content.Parts;
        parts.Count.ShouldBe(11);
        parts.Select(p => p.Type).Distinct().ShouldBe(["text", "image_url", "file_url", "pdf_url", "video_url"]);

        var objectImage = parts[1].ShouldBeOfType<ChatMessageContentImageChunk>().ImageUrl;
        objectImage.Url.ShouldBe("https://example.com/chart.png");
        objectImage.IsBareString.ShouldBeFalse();
        var bareImage = parts[2].ShouldBeOfType<ChatMessageContentImageChunk>().ImageUrl;
        bareImage.Url.ShouldBe("data:image/png;base64,iVBORw0KGgo=");
        bareImage.IsBareString.ShouldBeTrue();

        var file = parts[3].ShouldBeOfType<ChatMessageContentFileChunk>();
        file.FileUrl.Url.ShouldBe("https://example.com/report.docx");
        file.FileName.ShouldBe("report.docx");
        var bareFile = parts[4].ShouldBeOfType<ChatMessageContentFileChunk>();
        bareFile.FileUrl.IsBareString.ShouldBeTrue();
        bareFile.FileName.ShouldBeNull();

        parts[5].ShouldBeOfType<ChatMessageContentPdfChunk>().PdfUrl.IsBareString.ShouldBeFalse();
        parts[6].ShouldBeOfType<ChatMessageContentPdfChunk>().PdfUrl.Url.ShouldBe("https://example.com/appendix.pdf");

        var video = parts[7].ShouldBeOfType<ChatMessageContentVideoChunk>().VideoUrl;
        video.FrameInterval.IntegerValue.ShouldBe(10);
        var stringInterval = parts[8].ShouldBeOfType<ChatMessageContentVideoChunk>().VideoUrl;
        stringInterval.FrameInterval.StringValue.ShouldBe("2s");
        var bareVideo = parts[9].ShouldBeOfType<ChatMessageContentVideoChunk>().VideoUrl;
        bareVideo.IsBareString.ShouldBeTrue();
        bareVideo.FrameInterval.ShouldBe(VideoContentUrl.DefaultFrameInterval);

        message.Role.ShouldBe(ChatMessageRole.User);
        Fixture.Envelope("content-chunks.json").Response!.Choices[0].Delta.ShouldNotBeNull().Content.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_SonarImagesJob_ReadsImagesRelatedQuestionsAndCost()
    {
        var response = Fixture.Envelope("sonar-images.json").Response.ShouldNotBeNull();

        response.Images.ShouldNotBeNull().Count.ShouldBe(2);
        response.Images[1].Width.ShouldBe(800);
        response.Images[1].Title.ShouldBe("Lagrange points");
        response.RelatedQuestions.ShouldNotBeNull().Count.ShouldBe(3);
        response.SearchResults.ShouldNotBeNull()[1].Date.ShouldBeNull();
        response.Usage.ShouldNotBeNull().Cost.ShouldNotBeNull().InputTokensCost.ShouldBe(0.000042m);
        response.Usage.Cost!.ReasoningTokensCost.ShouldBeNull();
        response.Usage.ReasoningTokens.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_UnknownValuesAndFields_KeepsThemAll()
    {
        var job = Fixture.Envelope("unknown-values.json");

        job.Status.ToString().ShouldBe("QUEUED_FOR_REVIEW");
        job.Status.IsTerminal.ShouldBeFalse();
        job.AdditionalProperties.ShouldNotBeNull().Keys.ShouldBe(["priority", "region"], ignoreOrder: true);
        job.AdditionalProperties["region"].GetProperty("shard").GetInt32().ShouldBe(7);

        var response = job.Response.ShouldNotBeNull();
        response.Type.ShouldBe(new CompletionResponseType("summary"));
        response.Status!.Value.Value.ShouldBe("PARTIAL");
        response.AdditionalProperties.ShouldNotBeNull().ShouldContainKey("safety");
        response.SearchResults!.Single().Source.Value.ShouldBe("drive");
        response.Usage.ShouldNotBeNull().Cost.ShouldBeNull();

        var choice = response.Choices.Single();
        choice.FinishReason!.Value.Value.ShouldBe("content_filter");
        choice.Message.Role.Value.ShouldBe("critic");
        choice.Message.AdditionalProperties.ShouldNotBeNull().ShouldContainKey("annotations");
        var unknown = choice.Message.Content!.Parts[1].ShouldBeOfType<ChatMessageContentUnknownChunk>();
        unknown.Type.ShouldBe("audio_url");
        unknown.Json.GetProperty("audio_url").GetProperty("format").GetString().ShouldBe("mp3");
        choice.Message.Content.Text.ShouldBe("Known chunk. Known again.");
    }

    [Fact]
    public void Deserialize_ValidationErrorBody_ReadsStringAndIntegerLocations()
    {
        var error = PerplexityJson.Deserialize<HttpValidationError>(Fixture.Read("validation-error-422.json"));

        var detail = error.Detail.ShouldNotBeNull();
        detail.Count.ShouldBe(3);
        detail[0].Path.ShouldBe("path.api_request");
        detail[0].Type.ShouldBe("string_too_short");
        detail[2].Location[3].ShouldBe(new StringOrInteger(0));
        detail[2].Location[3].IsInteger.ShouldBeTrue();
        detail[2].Path.ShouldBe("body.request.messages.0.content");
        detail[2].Message.ShouldBe("Field required");
    }

    [Theory]
    [InlineData("""{"id":"a","model":"m","created_at":1,"status":"CREATED","response":{"id":"c","model":"m","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":"x"}}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}}""")]
    public void Deserialize_OptionalPartsMissing_AppliesSchemaDefaults(string json)
    {
        var response = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json).Response!;

        response.ObjectType.ShouldBe("chat.completion");
        response.Choices[0].Delta.ShouldBeNull();
        response.Usage!.Cost.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_SearchResultWithoutOptionalFields_AppliesDefaults()
    {
        var json = """{"id":"a","model":"m","created_at":1,"status":"COMPLETED","response":{"id":"c","model":"m","created":1,"choices":[],"search_results":[{"title":"t","url":"u"}]}}""";

        var result = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json).Response!.SearchResults!.Single();

        result.Snippet.ShouldBe(string.Empty);
        result.Source.ShouldBe(SearchResultSource.Web);
        result.Date.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"model":"m","created_at":1,"status":"CREATED"}""", "id")]
    [InlineData("""{"id":"a","created_at":1,"status":"CREATED"}""", "model")]
    [InlineData("""{"id":"a","model":"m","status":"CREATED"}""", "created_at")]
    [InlineData("""{"id":"a","model":"m","created_at":1}""", "status")]
    public void Deserialize_RequiredFieldMissing_ThrowsJsonExceptionNamingIt(string json, string field)
    {
        var ex = Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));

        ex.Message.ShouldContain(field);
    }

    [Theory]
    [InlineData("""{"id":null,"model":"m","created_at":1,"status":"CREATED"}""")]
    [InlineData("""{"id":"a","model":"m","created_at":"yesterday","status":"CREATED"}""")]
    [InlineData("""{"id":"a","model":"m","created_at":1,"status":7}""")]
    [InlineData("""{"id":"a","model":"m","created_at":99999999999999,"status":"CREATED"}""")]
    public void Deserialize_WrongTypeOrNullInRequiredField_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json));
    }

    private static void ShouldBePlaceholderSearchResult(ApiPublicSearchResult result)
    {
        result.Title.ShouldBe("<string>");
        result.Url.ShouldBe("<string>");
        result.Date.ShouldBe("<string>");
        result.LastUpdated.ShouldBe("<string>");
        result.Snippet.ShouldBe(string.Empty);
        result.Source.ShouldBe(SearchResultSource.Web);
    }

    private static void ShouldBePlaceholderLegacyMessage(ChatMessage message)
    {
        message.Role.ShouldBe(ChatMessageRole.System);
        message.Content.ShouldNotBeNull().IsText.ShouldBeTrue();
        message.Content.Text.ShouldBe("<string>");
        message.ToolCallId.ShouldBe("<string>");
        var step = message.ReasoningSteps.ShouldNotBeNull().ShouldHaveSingleItem();
        step.Thought.ShouldBe("<string>");
        step.Type.ShouldBe("<string>");
        ShouldBePlaceholderSearchResult(step.WebSearch.ShouldNotBeNull().SearchResults.ShouldHaveSingleItem());
        step.WebSearch.SearchKeywords.ShouldBe(["<string>"]);
        ShouldBePlaceholderSearchResult(step.FetchUrlContent.ShouldNotBeNull().Contents.ShouldHaveSingleItem());
        step.ExecutePython.ShouldNotBeNull().Code.ShouldBe("<string>");
        step.ExecutePython.Result.ShouldBe("<string>");
        var call = message.ToolCalls.ShouldNotBeNull().ShouldHaveSingleItem();
        call.Id.ShouldBe("<string>");
        call.Type.ShouldBe("<string>");
        call.Function.ShouldNotBeNull().Name.ShouldBe("<string>");
        call.Function.Arguments.ShouldBe("<string>");
    }
}
