namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class AsyncProcessingStatusTests : ExtensibleEnumTests<AsyncProcessingStatus>
{
    protected override IReadOnlyList<(AsyncProcessingStatus Value, string Wire)> Known =>
    [
        (AsyncProcessingStatus.Created, "CREATED"),
        (AsyncProcessingStatus.InProgress, "IN_PROGRESS"),
        (AsyncProcessingStatus.Completed, "COMPLETED"),
        (AsyncProcessingStatus.Failed, "FAILED"),
    ];

    [Theory]
    [InlineData("COMPLETED", true)]
    [InlineData("completed", true)]
    [InlineData("FAILED", true)]
    [InlineData("Failed", true)]
    [InlineData("CREATED", false)]
    [InlineData("IN_PROGRESS", false)]
    [InlineData("CANCELLED", false)]
    [InlineData("", false)]
    public void IsTerminal_ByValue_IsTrueOnlyForCompletedAndFailed(string wire, bool expected)
    {
        new AsyncProcessingStatus(wire).IsTerminal.ShouldBe(expected);
    }

    [Fact]
    public void IsTerminal_Default_IsFalse()
    {
        default(AsyncProcessingStatus).IsTerminal.ShouldBeFalse();
    }
}
