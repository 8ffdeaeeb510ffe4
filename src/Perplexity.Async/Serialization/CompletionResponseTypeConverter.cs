namespace Perplexity.Async.Serialization;

internal sealed class CompletionResponseTypeConverter() : ExtensibleEnumConverter<CompletionResponseType>(CompletionResponseType.Message, CompletionResponseType.Info, CompletionResponseType.EndOfStream)
{
    protected override CompletionResponseType Create(string value) => new(value);
}
