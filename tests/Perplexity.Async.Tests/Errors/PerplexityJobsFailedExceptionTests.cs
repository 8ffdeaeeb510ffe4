namespace Perplexity.Async.Tests.Errors;

public sealed class PerplexityJobsFailedExceptionTests
{
    private static AsyncApiChatCompletionsResponse Completed(string id) =>
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(id: id, response: PerplexityModelFactory.CompletionResponse(text: "ok"));

    private static AsyncApiChatCompletionsResponse Failed(string id, string? why = "quota exceeded") =>
        PerplexityModelFactory.AsyncApiChatCompletionsResponse(id: id, status: AsyncProcessingStatus.Failed, errorMessage: why);

    [Fact]
    public void Constructor_Results_KeepsThemAndPicksTheFailedOnesOnce()
    {
        AsyncApiChatCompletionsResponse[] results = [Completed("a"), Failed("b"), Failed("c", why: null), Failed("b")];

        var sut = new PerplexityJobsFailedException(results);

        sut.Results.ShouldBeSameAs(results);
        sut.FailedJobs.Select(j => j.Id).ShouldBe(["b", "c"]);
        sut.Message.ShouldBe("2 of 3 jobs failed: 'b': quota exceeded; 'c': the API gave no reason. Results holds every job's final envelope.");
        sut.ShouldBeAssignableTo<PerplexityException>();
    }

    [Fact]
    public void Constructor_ManyFailures_DescribesFiveAndCountsTheRest()
    {
        var results = Enumerable.Range(0, 8).Select(i => Failed("job" + i)).ToList();

        var sut = new PerplexityJobsFailedException(results);

        sut.FailedJobs.Count.ShouldBe(8);
        sut.Message.ShouldStartWith("8 of 8 jobs failed: 'job0': quota exceeded;");
        sut.Message.ShouldContain("'job4'");
        sut.Message.ShouldNotContain("'job5'");
        sut.Message.ShouldContain("and 3 more");
    }

    [Fact]
    public void Constructor_OwnMessage_KeepsItAndTheCause()
    {
        var cause = new InvalidOperationException("inner");

        var sut = new PerplexityJobsFailedException("custom", [Failed("a")], cause);

        sut.Message.ShouldBe("custom");
        sut.InnerException.ShouldBeSameAs(cause);
        sut.FailedJobs.ShouldHaveSingleItem().Id.ShouldBe("a");
    }

    [Fact]
    public void Constructor_InvalidResults_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new PerplexityJobsFailedException(null!)).ParamName.ShouldBe("results");
        Should.Throw<ArgumentNullException>(() => new PerplexityJobsFailedException([Failed("a"), null!])).Message.ShouldContain("results[1]");
        Should.Throw<ArgumentException>(() => new PerplexityJobsFailedException([Completed("a")])).Message.ShouldContain("None of the results has status FAILED");
    }
}
