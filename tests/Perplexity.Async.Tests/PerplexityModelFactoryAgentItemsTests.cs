using System.Text.Json;

namespace Perplexity.Async.Tests;

public sealed class PerplexityModelFactoryAgentItemsTests
{
    private static Dictionary<string, JsonElement> Extra() => new() { ["future"] = JsonDocument.Parse("1").RootElement };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static void ShouldRoundTripAsItem(AgentOutputItem item)
    {
        var json = PerplexityJson.Serialize<AgentOutputItem>(item);
        var again = PerplexityJson.Deserialize<AgentOutputItem>(json);
        again.ShouldBeOfType(item.GetType());
        again.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        PerplexityJson.Serialize<AgentOutputItem>(again).ShouldBe(json);
    }

    private static void ShouldRoundTripAsEvent(AgentStreamEvent e)
    {
        var json = PerplexityJson.Serialize<AgentStreamEvent>(e);
        var again = PerplexityJson.Deserialize<AgentStreamEvent>(json);
        again.ShouldBeOfType(e.GetType());
        again.SequenceNumber.ShouldBe(e.SequenceNumber);
        again.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        PerplexityJson.Serialize<AgentStreamEvent>(again).ShouldBe(json);
    }

    [Fact]
    public void AgentAnnotation_SetsEveryProperty()
    {
        var a = PerplexityModelFactory.AgentAnnotation("https://a.example/", "A", 1, 4, "url_citation", Extra());

        a.Url.ShouldBe("https://a.example/");
        a.Title.ShouldBe("A");
        a.StartIndex.ShouldBe(1);
        a.EndIndex.ShouldBe(4);
        a.Type.ShouldBe("url_citation");
        a.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        ShouldRoundTripAsItem(PerplexityModelFactory.AgentMessageOutputItem("Paris", annotations: [a]) with { AdditionalProperties = Extra() });
    }

    [Fact]
    public void AgentImageSearchResultsOutputItem_SetsEveryPropertyAndRoundTrips()
    {
        var image = PerplexityModelFactory.AgentImageResult("https://i.example/x.png", "https://i.example/", 10, 20, "X", Extra());
        var item = PerplexityModelFactory.AgentImageSearchResultsOutputItem([image], ["cats"], "image_search_failed", "isr_1", Extra());

        image.ImageUrl.ShouldBe("https://i.example/x.png");
        image.OriginUrl.ShouldBe("https://i.example/");
        image.Height.ShouldBe(10);
        image.Width.ShouldBe(20);
        image.Title.ShouldBe("X");
        image.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        item.Results.ShouldHaveSingleItem().ShouldBe(image);
        item.Queries.ShouldBe(["cats"]);
        item.Error.ShouldBe("image_search_failed");
        item.Id.ShouldBe("isr_1");
        item.Type.ShouldBe("image_search_results");
        ShouldRoundTripAsItem(item);
        PerplexityModelFactory.AgentImageSearchResultsOutputItem().Results.ShouldBeEmpty();
    }

    [Fact]
    public void AgentFinanceResultsOutputItem_SetsEveryPropertyAndRoundTrips()
    {
        var result = PerplexityModelFactory.AgentFinanceResult("earnings", "EPS 1.2", ["https://f.example/"], ["AAPL"], Extra());
        var item = PerplexityModelFactory.AgentFinanceResultsOutputItem([result], ["earnings"], ["AAPL"], "fin_1", Extra());

        result.Category.ShouldBe("earnings");
        result.Content.ShouldBe("EPS 1.2");
        result.Sources.ShouldBe(["https://f.example/"]);
        result.Tickers.ShouldBe(["AAPL"]);
        result.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        item.Results.ShouldHaveSingleItem().ShouldBe(result);
        item.Categories.ShouldBe(["earnings"]);
        item.Tickers.ShouldBe(["AAPL"]);
        item.Id.ShouldBe("fin_1");
        ShouldRoundTripAsItem(item);
    }

    [Fact]
    public void AgentPeopleSearchResultsOutputItem_SetsEveryPropertyAndRoundTrips()
    {
        var item = PerplexityModelFactory.AgentPeopleSearchResultsOutputItem([PerplexityModelFactory.AgentSearchResult(title: "Ada")], ["Ada Lovelace"], "ppl_1", Extra());

        item.Results.ShouldHaveSingleItem().Title.ShouldBe("Ada");
        item.Queries.ShouldBe(["Ada Lovelace"]);
        item.Id.ShouldBe("ppl_1");
        item.Type.ShouldBe("people_search_results");
        ShouldRoundTripAsItem(item);
    }

    [Fact]
    public void AgentSandboxResultsOutputItem_FlatShape_SetsEveryPropertyAndRoundTrips()
    {
        var item = PerplexityModelFactory.AgentSandboxResultsOutputItem("timed_out", "print(1)", "1\n", "err", 137, 5000, "sbx_1", Extra());

        item.Status.ShouldBe("timed_out");
        item.Code.ShouldBe("print(1)");
        item.Stdout.ShouldBe("1\n");
        item.Stderr.ShouldBe("err");
        item.ExitCode.ShouldBe(137);
        item.DurationMs.ShouldBe(5000);
        item.Id.ShouldBe("sbx_1");
        item.Results.ShouldBeNull();
        item.CallId.ShouldBeNull();
        ShouldRoundTripAsItem(item);
    }

    [Fact]
    public void AgentSandboxNestedResultsOutputItem_SetsEveryPropertyAndRoundTrips()
    {
        var run = PerplexityModelFactory.AgentSandboxRun("out", "err", 1, 12, "failed", Extra());
        var item = PerplexityModelFactory.AgentSandboxNestedResultsOutputItem([run], "in_progress", "call_1", "print(1)", "ctr_1", "python", "sbx_1", Extra());

        run.Stdout.ShouldBe("out");
        run.Stderr.ShouldBe("err");
        run.ExitCode.ShouldBe(1);
        run.DurationMs.ShouldBe(12);
        run.Status.ShouldBe("failed");
        run.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        item.Results!.ShouldHaveSingleItem().ShouldBe(run);
        item.Status.ShouldBe("in_progress");
        item.CallId.ShouldBe("call_1");
        item.Code.ShouldBe("print(1)");
        item.ContainerId.ShouldBe("ctr_1");
        item.Language.ShouldBe("python");
        item.Id.ShouldBe("sbx_1");
        item.Stdout.ShouldBeNull();
        ShouldRoundTripAsItem(item);
        PerplexityModelFactory.AgentSandboxNestedResultsOutputItem().Results.ShouldBeEmpty();
    }

    [Fact]
    public void AgentMcpItems_SetEveryPropertyAndRoundTrip()
    {
        var tool = PerplexityModelFactory.AgentMcpToolDefinition("lookup", Json("{\"type\":\"object\",\"properties\":{}}"), "Looks up", Extra());
        var list = PerplexityModelFactory.AgentMcpListToolsOutputItem([tool], "crm", "conn_1", "boom", "mcpl_1", Extra());
        var call = PerplexityModelFactory.AgentMcpCallOutputItem("lookup", "{\"q\":1}", "found", "none", "crm", "conn_1", "mcp_1", Extra());

        tool.Name.ShouldBe("lookup");
        tool.InputSchema.GetProperty("type").GetString().ShouldBe("object");
        tool.Description.ShouldBe("Looks up");
        tool.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        list.Tools.ShouldHaveSingleItem().ShouldBe(tool);
        list.ServerLabel.ShouldBe("crm");
        list.ConnectorId.ShouldBe("conn_1");
        list.Error.ShouldBe("boom");
        list.Id.ShouldBe("mcpl_1");
        call.Name.ShouldBe("lookup");
        call.Arguments.ShouldBe("{\"q\":1}");
        call.Output.ShouldBe("found");
        call.Error.ShouldBe("none");
        call.ServerLabel.ShouldBe("crm");
        call.ConnectorId.ShouldBe("conn_1");
        call.Id.ShouldBe("mcp_1");
        ShouldRoundTripAsItem(list);
        ShouldRoundTripAsItem(call);
        PerplexityModelFactory.AgentMcpToolDefinition().InputSchema.GetProperty("type").GetString().ShouldBe("object");
    }

    [Fact]
    public void AgentShareFileAndSkillItems_SetEveryPropertyAndRoundTrip()
    {
        var share = PerplexityModelFactory.AgentShareFileOutputItem("call_1", "file_1", "a.csv", 42, "https://f.example/a.csv", "too_big", "sf_1", Extra());
        var skill = PerplexityModelFactory.AgentSkillLoadedOutputItem("pdf", "sk_1", Extra());

        share.CallId.ShouldBe("call_1");
        share.FileId.ShouldBe("file_1");
        share.Filename.ShouldBe("a.csv");
        share.SizeBytes.ShouldBe(42);
        share.Url.ShouldBe("https://f.example/a.csv");
        share.Error.ShouldBe("too_big");
        share.Id.ShouldBe("sf_1");
        skill.Name.ShouldBe("pdf");
        skill.Id.ShouldBe("sk_1");
        ShouldRoundTripAsItem(share);
        ShouldRoundTripAsItem(skill);
    }

    [Fact]
    public void AgentToolSearchOutputItem_SetsEveryPropertyAndRoundTrips()
    {
        var definition = PerplexityModelFactory.AgentToolDefinition("lookup", "function", "Looks up", Json("{\"type\":\"object\"}"), Extra());
        var ns = PerplexityModelFactory.AgentToolNamespace([definition], "crm", "CRM tools", "namespace", Extra());
        var item = PerplexityModelFactory.AgentToolSearchOutputItem([ns], "in_progress", "client", "{\"q\":\"crm\"}", "call_1", "ts_1", Extra());

        definition.Name.ShouldBe("lookup");
        definition.Type.ShouldBe("function");
        definition.Description.ShouldBe("Looks up");
        definition.Parameters!.Value.GetProperty("type").GetString().ShouldBe("object");
        definition.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        ns.Tools.ShouldHaveSingleItem().ShouldBe(definition);
        ns.Name.ShouldBe("crm");
        ns.Description.ShouldBe("CRM tools");
        ns.Type.ShouldBe("namespace");
        ns.AdditionalProperties!["future"].GetInt32().ShouldBe(1);
        item.Tools.ShouldHaveSingleItem().ShouldBe(ns);
        item.Status.ShouldBe("in_progress");
        item.Execution.ShouldBe("client");
        item.Arguments.ShouldBe("{\"q\":\"crm\"}");
        item.CallId.ShouldBe("call_1");
        item.Id.ShouldBe("ts_1");
        ShouldRoundTripAsItem(item);
    }

    [Fact]
    public void SnapshotEvents_SetEveryPropertyAndRoundTrip()
    {
        var run = PerplexityModelFactory.AgentResponse(id: "resp_9");
        var inProgress = PerplexityModelFactory.AgentResponseInProgressEvent(run, 4, Extra());
        var incomplete = PerplexityModelFactory.AgentResponseIncompleteEvent(run, 5, Extra());
        var cancelled = PerplexityModelFactory.AgentResponseCancelledEvent(run, 6, Extra());

        inProgress.Response.ShouldBe(run);
        inProgress.SequenceNumber.ShouldBe(4);
        incomplete.Response.ShouldBe(run);
        incomplete.SequenceNumber.ShouldBe(5);
        cancelled.Response.ShouldBe(run);
        cancelled.SequenceNumber.ShouldBe(6);
        inProgress.IsTerminal.ShouldBeFalse();
        incomplete.IsTerminal.ShouldBeTrue();
        cancelled.IsTerminal.ShouldBeTrue();
        ShouldRoundTripAsEvent(inProgress);
        ShouldRoundTripAsEvent(incomplete);
        ShouldRoundTripAsEvent(cancelled);
        PerplexityModelFactory.AgentResponseInProgressEvent().Response!.Status.ShouldBe(AgentResponseStatus.InProgress);
        PerplexityModelFactory.AgentResponseIncompleteEvent().Response!.Status.ShouldBe(AgentResponseStatus.Incomplete);
        PerplexityModelFactory.AgentResponseCancelledEvent().Response!.Status.ShouldBe(AgentResponseStatus.Cancelled);
    }

    [Fact]
    public void OutputItemAndTextDoneEvents_SetEveryPropertyAndRoundTrip()
    {
        var message = PerplexityModelFactory.AgentMessageOutputItem("Paris", id: "msg_2");
        var added = PerplexityModelFactory.AgentOutputItemAddedEvent(message, 2, 7, Extra());
        var done = PerplexityModelFactory.AgentOutputItemDoneEvent(message, 3, 8, Extra());
        var textDone = PerplexityModelFactory.AgentOutputTextDoneEvent("Paris", 9, "msg_2", 1, 2, Extra());

        added.Item.ShouldBe(message);
        added.OutputIndex.ShouldBe(2);
        added.SequenceNumber.ShouldBe(7);
        done.Item.ShouldBe(message);
        done.OutputIndex.ShouldBe(3);
        done.SequenceNumber.ShouldBe(8);
        textDone.Text.ShouldBe("Paris");
        textDone.SequenceNumber.ShouldBe(9);
        textDone.ItemId.ShouldBe("msg_2");
        textDone.OutputIndex.ShouldBe(1);
        textDone.ContentIndex.ShouldBe(2);
        ShouldRoundTripAsEvent(added);
        ShouldRoundTripAsEvent(done);
        ShouldRoundTripAsEvent(textDone);
        PerplexityModelFactory.AgentOutputItemAddedEvent().Item.ShouldBeOfType<AgentMessageOutputItem>().Status.ShouldBe(AgentResponseStatus.InProgress);
    }

    [Fact]
    public void ReasoningEvents_SetEveryPropertyAndRoundTrip()
    {
        var usage = PerplexityModelFactory.AgentUsage(inputTokens: 3);
        var started = PerplexityModelFactory.AgentReasoningStartedEvent("thinking", 1, Extra());
        var stopped = PerplexityModelFactory.AgentReasoningStoppedEvent("done", 2, Extra());
        var searchQueries = PerplexityModelFactory.AgentReasoningSearchQueriesEvent(["paris"], "search", 3, Extra());
        var searchResults = PerplexityModelFactory.AgentReasoningSearchResultsEvent([PerplexityModelFactory.AgentSearchResult()], usage, "found", 4, Extra());
        var imageQueries = PerplexityModelFactory.AgentReasoningImageSearchQueriesEvent(["cats"], "call_1", "images", 5, Extra());
        var imageResults = PerplexityModelFactory.AgentReasoningImageSearchResultsEvent([PerplexityModelFactory.AgentImageResult()], "call_1", usage, "seen", 6, Extra());
        var fetchQueries = PerplexityModelFactory.AgentReasoningFetchUrlQueriesEvent(["https://example.com/"], "read", 7, Extra());
        var fetchResults = PerplexityModelFactory.AgentReasoningFetchUrlResultsEvent([PerplexityModelFactory.AgentUrlContent()], "read it", 8, Extra());
        var skill = PerplexityModelFactory.AgentSkillLoadedEvent("pdf", 9, Extra());

        started.Thought.ShouldBe("thinking");
        stopped.Thought.ShouldBe("done");
        searchQueries.Queries.ShouldBe(["paris"]);
        searchQueries.Thought.ShouldBe("search");
        searchResults.Results.ShouldHaveSingleItem().Url.ShouldBe("https://example.com/");
        searchResults.Usage.ShouldBe(usage);
        searchResults.Thought.ShouldBe("found");
        imageQueries.Queries.ShouldBe(["cats"]);
        imageQueries.CallId.ShouldBe("call_1");
        imageQueries.Thought.ShouldBe("images");
        imageResults.Results.ShouldHaveSingleItem().ImageUrl.ShouldBe("https://example.com/image.png");
        imageResults.CallId.ShouldBe("call_1");
        imageResults.Usage.ShouldBe(usage);
        imageResults.Thought.ShouldBe("seen");
        fetchQueries.Urls.ShouldBe(["https://example.com/"]);
        fetchQueries.Thought.ShouldBe("read");
        fetchResults.Contents.ShouldHaveSingleItem().Url.ShouldBe("https://example.com/");
        fetchResults.Thought.ShouldBe("read it");
        skill.Name.ShouldBe("pdf");
        AgentStreamEvent[] all = [started, stopped, searchQueries, searchResults, imageQueries, imageResults, fetchQueries, fetchResults, skill];
        all.Select(e => e.SequenceNumber).ShouldBe([1L, 2, 3, 4, 5, 6, 7, 8, 9]);
        foreach (var e in all)
        {
            ShouldRoundTripAsEvent(e);
        }
    }
}
