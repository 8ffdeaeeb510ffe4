using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Sonar;

public sealed class ListAsyncTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Route = "/v1/async/sonar";

    // A token with every character that must be escaped in a query value.
    private const string AwkwardToken = "a+b/c=d&e f?#%";

    [Fact]
    public async Task ListAsync_ThreePages_YieldsEveryJobInOrderFollowingNextToken()
    {
        StubPages(Route);
        var client = CreateSut();

        var ids = new List<string>();
        await foreach (var job in client.Sonar.ListAsync())
        {
            ids.Add(job.Id);
        }

        ids.ShouldBe(["j1", "j2", "j3", "j4", "j5"]);
        var queries = Server.LogEntries.Select(e => e.RequestMessage!.RawQuery ?? string.Empty).ToList();
        queries.ShouldBe(["", "?next_token=" + Uri.EscapeDataString(AwkwardToken), "?next_token=t3"]);
    }

    [Fact]
    public async Task ListAsync_LegacyRoute_UsesLegacyPath()
    {
        StubPages("/async/chat/completions");
        var client = CreateSut();

        var count = 0;
        await foreach (var _ in client.ChatCompletions.ListAsync())
        {
            count++;
        }

        count.ShouldBe(5);
        Server.LogEntries.ShouldAllBe(e => e.RequestMessage!.Path == "/async/chat/completions");
    }

    [Fact]
    public async Task ListAsync_PartlyEnumerated_RequestsNextPageOnlyWhenNeeded()
    {
        StubPages(Route);
        var client = CreateSut();

        await using var enumerator = client.Sonar.ListAsync().GetAsyncEnumerator();
        Server.LogEntries.ShouldBeEmpty();

        (await enumerator.MoveNextAsync()).ShouldBeTrue();
        (await enumerator.MoveNextAsync()).ShouldBeTrue();
        enumerator.Current.Id.ShouldBe("j2");
        Server.LogEntries.Count.ShouldBe(1);

        (await enumerator.MoveNextAsync()).ShouldBeTrue();
        enumerator.Current.Id.ShouldBe("j3");
        Server.LogEntries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ListAsync_Limit_IsSentOnEveryPage()
    {
        StubPages(Route);
        var client = CreateSut();

        await foreach (var _ in client.Sonar.ListAsync(limit: 2))
        {
        }

        Server.LogEntries.Count.ShouldBe(3);
        Server.LogEntries.ShouldAllBe(e => e.RequestMessage!.Query!["limit"].Single() == "2");
    }

    [Fact]
    public async Task ListPageAsync_TokenAndLimit_SendsBothEncodedAndReturnsPage()
    {
        StubPages(Route);
        var client = CreateSut();

        var page = await client.Sonar.ListPageAsync(AwkwardToken, limit: 7, new AsyncRequestOptions { LocalMode = false });

        page.Requests.Select(r => r.Id).ShouldBe(["j3", "j4"]);
        page.NextToken.ShouldBe("t3");
        var request = Server.LogEntries.Single().RequestMessage!;
        request.RawQuery.ShouldBe("?local_mode=false&limit=7&next_token=" + Uri.EscapeDataString(AwkwardToken));
        request.Query!["next_token"].Single().ShouldBe(AwkwardToken);
    }

    [Fact]
    public async Task ListPageAsync_Summary_ReadsTimestampsStatusAndUnknownFields()
    {
        Server.Given(Request.Create().WithPath(Route).UsingGet())
            .RespondWith(Json("""
                {"requests":[{"id":"j1","model":"sonar-deep-research","status":"FAILED","created_at":1763870400,
                  "started_at":1763870401,"completed_at":null,"failed_at":1763870460,"priority":"low"}],
                 "next_token":null,"total":1}
                """));
        var client = CreateSut();

        var page = await client.Sonar.ListPageAsync();

        var job = page.Requests.ShouldHaveSingleItem();
        job.Status.ShouldBe(AsyncProcessingStatus.Failed);
        job.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1763870400));
        job.StartedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1763870401));
        job.CompletedAt.ShouldBeNull();
        job.FailedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1763870460));
        job.AdditionalProperties!["priority"].GetString().ShouldBe("low");
        page.NextToken.ShouldBeNull();
        page.AdditionalProperties!["total"].GetInt32().ShouldBe(1);
        Server.LogEntries.Single().RequestMessage!.RawQuery.ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task ListAsync_EmptyNextToken_EndsEnumeration()
    {
        Server.Given(Request.Create().WithPath(Route).UsingGet())
            .RespondWith(Json("""{"requests":[{"id":"j1","model":"m","status":"CREATED","created_at":1}],"next_token":""}"""));
        var client = CreateSut();

        var count = 0;
        await foreach (var _ in client.Sonar.ListAsync())
        {
            count++;
        }

        count.ShouldBe(1);
        Server.LogEntries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListAsync_SameTokenReturnedAgain_ThrowsProtocolException()
    {
        Server.Given(Request.Create().WithPath(Route).UsingGet())
            .RespondWith(Json("""{"requests":[],"next_token":"loop"}"""));
        var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(async () =>
        {
            await foreach (var _ in client.Sonar.ListAsync())
            {
            }
        });

        ex.Message.ShouldContain("'loop'");
        Server.LogEntries.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListPageAsync_LimitBelowOne_ThrowsArgumentOutOfRangeException(int limit)
    {
        var client = CreateSut();

        (await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.Sonar.ListPageAsync(limit: limit))).ParamName.ShouldBe("limit");
        Should.Throw<ArgumentOutOfRangeException>(() => client.Sonar.ListAsync(limit: limit)).ParamName.ShouldBe("limit");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListPageAsync_ErrorStatus_ThrowsTypedException()
    {
        Server.Given(Request.Create().WithPath(Route).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("""{"error":{"message":"bad key"}}"""));
        var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(() => client.Sonar.ListPageAsync());

        ex.Details.Route.ShouldBe("v1/async/sonar");
        ex.Details.Method.ShouldBe(System.Net.Http.HttpMethod.Get);
    }

    private void StubPages(string route)
    {
        Server.Given(Request.Create().WithPath(route).UsingGet()).AtPriority(10)
            .RespondWith(Json("""{"requests":[{"id":"j1","model":"m","status":"COMPLETED","created_at":1},{"id":"j2","model":"m","status":"IN_PROGRESS","created_at":2}],"next_token":"a+b/c=d&e f?#%"}"""));
        Server.Given(Request.Create().WithPath(route).UsingGet().WithParam("next_token", AwkwardToken)).AtPriority(1)
            .RespondWith(Json("""{"requests":[{"id":"j3","model":"m","status":"CREATED","created_at":3},{"id":"j4","model":"m","status":"FAILED","created_at":4}],"next_token":"t3"}"""));
        Server.Given(Request.Create().WithPath(route).UsingGet().WithParam("next_token", "t3")).AtPriority(1)
            .RespondWith(Json("""{"requests":[{"id":"j5","model":"m","status":"CREATED","created_at":5}],"next_token":null}"""));
    }

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
