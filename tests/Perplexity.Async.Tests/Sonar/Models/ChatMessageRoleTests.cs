namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class ChatMessageRoleTests : ExtensibleEnumTests<ChatMessageRole>
{
    protected override IReadOnlyList<(ChatMessageRole Value, string Wire)> Known =>
    [
        (ChatMessageRole.System, "system"),
        (ChatMessageRole.User, "user"),
        (ChatMessageRole.Assistant, "assistant"),
        (ChatMessageRole.Tool, "tool"),
    ];
}
