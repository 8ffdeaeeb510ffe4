using System.Text.Json;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentOutputItemTests
{
    private static readonly IReadOnlyList<AgentOutputItem> Items = AgentFixture.Response("every-output-item.json").Output;

    [Fact]
    public void Deserialize_EveryItemType_ReadsItsRecord()
    {
        Items.Select(i => i.GetType()).ShouldBe(
        [
            typeof(AgentMessageOutputItem), typeof(AgentSearchResultsOutputItem), typeof(AgentPeopleSearchResultsOutputItem),
            typeof(AgentFetchUrlResultsOutputItem), typeof(AgentImageSearchResultsOutputItem), typeof(AgentImageSearchResultsOutputItem),
            typeof(AgentFinanceResultsOutputItem), typeof(AgentFunctionCallOutputItem), typeof(AgentSandboxResultsOutputItem),
            typeof(AgentSandboxResultsOutputItem), typeof(AgentMcpListToolsOutputItem), typeof(AgentMcpListToolsOutputItem),
            typeof(AgentMcpCallOutputItem), typeof(AgentToolSearchOutputItem), typeof(AgentSkillLoadedOutputItem),
            typeof(AgentShareFileOutputItem), typeof(AgentUnknownOutputItem),
        ]);
        Items.Select(i => i.Type).Distinct().Count().ShouldBe(14);
    }

    [Fact]
    public void Deserialize_SearchResults_ReadsEveryField()
    {
        var search = Items[1].ShouldBeOfType<AgentSearchResultsOutputItem>();

        search.Id.ShouldBeNull();
        search.Queries.ShouldBe(["heat pump vs gas boiler running cost 2026", "heat pump efficiency old houses"]);
        var first = search.Results[0];
        first.Id.ShouldBe(3);
        first.Url.ShouldBe("https://www.energysavingtrust.org.uk/heat-pumps");
        first.Title.ShouldBe("In-depth guide to heat pumps");
        first.Snippet.ShouldStartWith("Air source heat pumps");
        first.Date.ShouldBe("2026-09-30");
        first.LastUpdated.ShouldBe("2026-10-02");
        first.Source.ShouldBe(SearchResultSource.Web);
        search.Results[2].Date.ShouldBeNull();
        search.Results[2].LastUpdated.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_PeopleSearchResults_SharesTheSearchResultShape()
    {
        var people = Items[2].ShouldBeOfType<AgentPeopleSearchResultsOutputItem>();

        people.Queries.ShouldBe(["Jane Doe heat pump engineer"]);
        people.Results.ShouldHaveSingleItem().Url.ShouldBe("https://www.linkedin.com/in/janedoe");
        AgentFixture.Response("every-output-item.json").SearchResults.Select(r => r.Id).ShouldBe([3L, 1L, 7L, 21L]);
    }

    [Fact]
    public void Deserialize_FetchUrlResults_KeepsThePageText()
    {
        var page = Items[3].ShouldBeOfType<AgentFetchUrlResultsOutputItem>().Contents.ShouldHaveSingleItem();

        page.Url.ShouldBe("https://www.energysavingtrust.org.uk/heat-pumps");
        page.Title.ShouldBe("In-depth guide to heat pumps");
        page.Snippet.ShouldContain("“quoted” – naïve");
    }

    [Fact]
    public void Deserialize_ImageSearchResults_ReadsImagesAndTheFailure()
    {
        var images = Items[4].ShouldBeOfType<AgentImageSearchResultsOutputItem>();
        var failed = Items[5].ShouldBeOfType<AgentImageSearchResultsOutputItem>();

        images.Results.Count.ShouldBe(2);
        images.Results[0].ImageUrl.ShouldBe("https://images.example.com/hp.jpg");
        images.Results[0].OriginUrl.ShouldBe("https://www.example.com/hp");
        images.Results[0].Width.ShouldBe(1920);
        images.Results[0].Height.ShouldBe(1080);
        images.Results[0].Title.ShouldBe("An air source heat pump");
        images.Results[1].Title.ShouldBeNull();
        images.Error.ShouldBeNull();
        failed.Error.ShouldBe("image_search_failed");
        failed.Results.ShouldBeEmpty();
    }

    [Fact]
    public void Deserialize_FinanceResults_ReadsCategoriesTickersAndContent()
    {
        var finance = Items[6].ShouldBeOfType<AgentFinanceResultsOutputItem>();

        finance.Categories.ShouldBe(["quote"]);
        finance.Tickers.ShouldBe(["NIBE-B.ST"]);
        var result = finance.Results.ShouldHaveSingleItem();
        result.Category.ShouldBe("quote");
        result.Content.ShouldContain("52.10 SEK");
        result.Sources.ShouldBe(["https://finance.example.com/nibe"]);
        result.Tickers.ShouldBe(["NIBE-B.ST"]);
    }

    [Fact]
    public void Deserialize_FunctionCall_ReadsTheCallAndAppearsInFunctionCalls()
    {
        var call = Items[7].ShouldBeOfType<AgentFunctionCallOutputItem>();

        call.Id.ShouldBe("fc_01");
        call.CallId.ShouldBe("call_abc");
        call.Name.ShouldBe("get_tariff");
        call.Arguments.ShouldBe("""{"country":"GB"}""");
        call.Status.ShouldBe(AgentResponseStatus.Completed);
        call.ThoughtSignature.ShouldBe("c2lnbmF0dXJl");
        AgentFixture.Response("every-output-item.json").FunctionCalls.ShouldHaveSingleItem().ShouldBe(call);
    }

    [Fact]
    public void Deserialize_SandboxResults_ReadsTheFlatShape()
    {
        var flat = Items[8].ShouldBeOfType<AgentSandboxResultsOutputItem>();

        flat.Code.ShouldBe("print(17.3)");
        flat.Stdout.ShouldBe("17.3\n");
        flat.Stderr.ShouldBe(string.Empty);
        flat.ExitCode.ShouldBe(0);
        flat.DurationMs.ShouldBe(412);
        flat.Status.ShouldBe("completed");
        flat.Results.ShouldBeNull();
        flat.CallId.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_SandboxResults_ReadsTheNestedShape()
    {
        var nested = Items[9].ShouldBeOfType<AgentSandboxResultsOutputItem>();

        nested.CallId.ShouldBe("call_sb1");
        nested.Code.ShouldBe("ls /tmp");
        nested.ContainerId.ShouldBe("ctr_9");
        nested.Language.ShouldBe("bash");
        nested.Status.ShouldBe("in_progress");
        nested.Stdout.ShouldBeNull();
        var run = nested.Results.ShouldNotBeNull().ShouldHaveSingleItem();
        run.Stdout.ShouldBe("report.docx\n");
        run.Stderr.ShouldBe(string.Empty);
        run.ExitCode.ShouldBe(0);
        run.DurationMs.ShouldBe(35);
        run.Status.ShouldBe("completed");
    }

    [Fact]
    public void Deserialize_McpItems_ReadToolsCallsAndErrors()
    {
        var list = Items[10].ShouldBeOfType<AgentMcpListToolsOutputItem>();
        var failedList = Items[11].ShouldBeOfType<AgentMcpListToolsOutputItem>();
        var call = Items[12].ShouldBeOfType<AgentMcpCallOutputItem>();

        list.Id.ShouldBe("mcpl_1");
        list.ServerLabel.ShouldBe("crm");
        list.ConnectorId.ShouldBeNull();
        var tool = list.Tools.ShouldHaveSingleItem();
        tool.Name.ShouldBe("find_customer");
        tool.Description.ShouldBe("Look a customer up");
        tool.InputSchema.GetProperty("type").GetString().ShouldBe("object");
        failedList.ConnectorId.ShouldBe("conn_7");
        failedList.Tools.ShouldBeEmpty();
        failedList.Error.ShouldBe("401 from server");
        call.ServerLabel.ShouldBe("crm");
        call.Name.ShouldBe("find_customer");
        call.Arguments.ShouldBe("""{"email":"a@example.com"}""");
        call.Output.ShouldBe("""{"id":42}""");
        call.Error.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_ToolSearchOutput_ReadsNamespacesAndFunctions()
    {
        var search = Items[13].ShouldBeOfType<AgentToolSearchOutputItem>();

        search.Id.ShouldBe("ts_1");
        search.CallId.ShouldBeNull();
        search.Execution.ShouldBe("server");
        search.Arguments.ShouldBe("customer lookup");
        search.Status.ShouldBe("completed");
        var ns = search.Tools.ShouldHaveSingleItem();
        ns.Type.ShouldBe("namespace");
        ns.Name.ShouldBe("crm");
        ns.Description.ShouldBe("CRM tools");
        var function = ns.Tools.ShouldHaveSingleItem();
        function.Type.ShouldBe("function");
        function.Name.ShouldBe("find_customer");
        function.Parameters!.Value.GetProperty("type").GetString().ShouldBe("object");
    }

    [Fact]
    public void Deserialize_SkillItems_ReadNameAndSharedFile()
    {
        Items[14].ShouldBeOfType<AgentSkillLoadedOutputItem>().Name.ShouldBe("office/docx");
        var file = Items[15].ShouldBeOfType<AgentShareFileOutputItem>();
        file.CallId.ShouldBe("call_sf1");
        file.FileId.ShouldBe("file_1");
        file.Filename.ShouldBe("report.docx");
        file.SizeBytes.ShouldBe(18234);
        file.Url.ShouldEndWith("/files/file_1/content");
        file.Error.ShouldBeNull();
    }

    [Fact]
    public void Deserialize_UnknownItem_KeepsItsJsonAndWritesItBackUnchanged()
    {
        var unknown = Items[16].ShouldBeOfType<AgentUnknownOutputItem>();
        var original = JsonDocument.Parse(AgentFixture.Read("every-output-item.json")).RootElement.GetProperty("output")[16].GetRawText();

        unknown.Type.ShouldBe("advisor_result");
        unknown.Id.ShouldBeNull();
        unknown.Json.GetProperty("advice").GetString().ShouldBe("Check the insulation first.");
        unknown.AdditionalProperties.ShouldBeNull();
        PerplexityJson.Serialize<AgentOutputItem>(unknown).ShouldBe(JsonSerializer.Serialize(JsonDocument.Parse(original).RootElement));
    }

    [Fact]
    public void Serialize_EachItem_RoundTripsThroughTheUnion()
    {
        var output = JsonDocument.Parse(AgentFixture.Read("every-output-item.json")).RootElement.GetProperty("output");

        for (var i = 0; i < Items.Count; i++)
        {
            var written = PerplexityJson.Serialize(Items[i]);

            written.ShouldBeEquivalentJson(output[i].GetRawText());
            PerplexityJson.Deserialize<AgentOutputItem>(written).ShouldBeOfType(Items[i].GetType());
        }
    }

    [Fact]
    public void Serialize_ConcreteItem_WritesTypeFirst()
    {
        var json = PerplexityJson.Serialize(PerplexityModelFactory.AgentFunctionCallOutputItem());

        json.ShouldStartWith("""{"type":"function_call","id":"fc_test",""");
    }

    [Fact]
    public void Text_MessageWithSeveralParts_JoinsTheTextPartsOnly()
    {
        var json = """{"type":"message","id":"m","role":"assistant","status":"completed","content":[{"type":"output_text","text":"A"},{"type":"refusal","refusal":"no"},{"type":"output_text","text":"B"}]}""";

        var message = PerplexityJson.Deserialize<AgentOutputItem>(json).ShouldBeOfType<AgentMessageOutputItem>();

        message.Text.ShouldBe("AB");
        message.Content[1].ShouldBeOfType<AgentUnknownOutputContentPart>().Type.ShouldBe("refusal");
        PerplexityJson.Serialize<AgentOutputItem>(message).ShouldBeEquivalentJson(json);
    }

    [Fact]
    public void OutputText_SeveralMessages_JoinsThemInOrder()
    {
        var run = PerplexityModelFactory.AgentResponse(output:
        [
            PerplexityModelFactory.AgentMessageOutputItem("First. "),
            PerplexityModelFactory.AgentSearchResultsOutputItem(),
            PerplexityModelFactory.AgentMessageOutputItem("Second."),
        ]);

        run.OutputText.ShouldBe("First. Second.");
    }

    [Fact]
    public void UnknownOutputItem_NotATypedObject_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => new AgentUnknownOutputItem(JsonDocument.Parse("[]").RootElement)).ParamName.ShouldBe("json");
        Should.Throw<ArgumentException>(() => new AgentUnknownOutputItem(JsonDocument.Parse("""{"type":1}""").RootElement));
        Should.Throw<ArgumentException>(() => new AgentUnknownOutputContentPart(JsonDocument.Parse("{}").RootElement));
    }
}
