using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Tests.Testing;

public sealed class ResearchAnswerGeneratorTests
{
    [Theory]
    [InlineData("How do heat pumps work?", "How do heat pumps work", "heat pumps", "heat-pumps")]
    [InlineData("  What are the latest advances in grid-scale battery storage? ", "What are the latest advances in grid-scale battery storage", "grid-scale battery storage", "grid-scale-battery-storage")]
    [InlineData("Crème brûlée history", "Crème brûlée history", "crème brûlée history", "creme-brulee-history")]
    [InlineData("", "Your question", "your question", "your-question")]
    [InlineData("what is it?", "what is it", "your question", "your-question")]
    public void PromptTopic_From_DerivesTitleSubjectAndSlug(string prompt, string title, string subject, string slug)
    {
        var topic = PromptTopic.From(prompt);

        topic.Title.ShouldBe(title);
        topic.Subject.ShouldBe(subject);
        topic.Slug.ShouldBe(slug);
    }

    [Fact]
    public void PromptTopic_From_ALongPrompt_ShortensTheTitleAndKeepsFourKeywords()
    {
        var topic = PromptTopic.From(string.Join(" ", Enumerable.Range(0, 40).Select(i => "word" + i)));

        topic.Title.Length.ShouldBeLessThanOrEqualTo(80);
        topic.Title.ShouldEndWith("…");
        topic.Keywords.ShouldBe(["word0", "word1", "word2", "word3"]);
    }

    [Theory]
    [InlineData("sonar", 0.005)]
    [InlineData("sonar-pro", 0.006)]
    [InlineData("sonar-reasoning-pro", 0.006)]
    [InlineData("sonar-deep-research", 0)]
    [InlineData("some-future-model", 0.005)]
    public void UsageEstimator_Estimate_AddsUpPerModel(string model, double requestCost)
    {
        var usage = UsageEstimator.Estimate(model, "How do heat pumps work?", new string('x', 400), 2);

        usage.TotalTokens.ShouldBe(usage.PromptTokens + usage.CompletionTokens);
        usage.CompletionTokens.ShouldBe(100);
        var cost = usage.Cost.ShouldNotBeNull();
        cost.RequestCost.ShouldBe((decimal)requestCost);
        cost.TotalCost.ShouldBe(cost.InputTokensCost + cost.OutputTokensCost + (cost.ReasoningTokensCost ?? 0m)
            + (cost.CitationTokensCost ?? 0m) + (cost.SearchQueriesCost ?? 0m) + (cost.RequestCost ?? 0m));
        cost.TotalCost.ShouldBeGreaterThan(0m);
    }
}
