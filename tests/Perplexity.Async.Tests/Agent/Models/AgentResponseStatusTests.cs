using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentResponseStatusTests : ExtensibleEnumTests<AgentResponseStatus>
{
    protected override IReadOnlyList<(AgentResponseStatus Value, string Wire)> Known =>
    [
        (AgentResponseStatus.Queued, "queued"),
        (AgentResponseStatus.InProgress, "in_progress"),
        (AgentResponseStatus.Completed, "completed"),
        (AgentResponseStatus.Incomplete, "incomplete"),
        (AgentResponseStatus.Failed, "failed"),
        (AgentResponseStatus.Cancelled, "cancelled"),
        (AgentResponseStatus.RequiresAction, "requires_action"),
    ];

    [Theory]
    [InlineData("completed", true)]
    [InlineData("COMPLETED", true)]
    [InlineData("incomplete", true)]
    [InlineData("failed", true)]
    [InlineData("Cancelled", true)]
    [InlineData("queued", false)]
    [InlineData("in_progress", false)]
    [InlineData("requires_action", false)]
    [InlineData("cancelling", false)]
    [InlineData("", false)]
    public void IsTerminal_ByValue_IsTrueOnlyForCompletedIncompleteFailedAndCancelled(string wire, bool expected)
    {
        new AgentResponseStatus(wire).IsTerminal.ShouldBe(expected);
    }

    [Fact]
    public void IsTerminal_Default_IsFalse()
    {
        default(AgentResponseStatus).IsTerminal.ShouldBeFalse();
    }
}
