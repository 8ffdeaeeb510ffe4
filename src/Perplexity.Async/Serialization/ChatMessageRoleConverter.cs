namespace Perplexity.Async.Serialization;

internal sealed class ChatMessageRoleConverter() : ExtensibleEnumConverter<ChatMessageRole>(ChatMessageRole.System, ChatMessageRole.User, ChatMessageRole.Assistant, ChatMessageRole.Tool)
{
    protected override ChatMessageRole Create(string value) => new(value);
}
