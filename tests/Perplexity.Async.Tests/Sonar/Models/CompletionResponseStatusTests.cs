namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class CompletionResponseStatusTests : ExtensibleEnumTests<CompletionResponseStatus>
{
    protected override IReadOnlyList<(CompletionResponseStatus Value, string Wire)> Known =>
    [
        (CompletionResponseStatus.Pending, "PENDING"),
        (CompletionResponseStatus.Completed, "COMPLETED"),
    ];
}
