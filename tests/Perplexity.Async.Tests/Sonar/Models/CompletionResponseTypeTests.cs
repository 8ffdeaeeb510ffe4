namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class CompletionResponseTypeTests : ExtensibleEnumTests<CompletionResponseType>
{
    protected override IReadOnlyList<(CompletionResponseType Value, string Wire)> Known =>
    [
        (CompletionResponseType.Message, "message"),
        (CompletionResponseType.Info, "info"),
        (CompletionResponseType.EndOfStream, "end_of_stream"),
    ];
}
