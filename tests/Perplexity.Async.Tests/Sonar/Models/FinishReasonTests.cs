namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class FinishReasonTests : ExtensibleEnumTests<FinishReason>
{
    protected override IReadOnlyList<(FinishReason Value, string Wire)> Known =>
    [
        (FinishReason.Stop, "stop"),
        (FinishReason.Length, "length"),
    ];
}
