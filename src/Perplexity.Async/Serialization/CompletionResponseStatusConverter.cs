namespace Perplexity.Async.Serialization;

internal sealed class CompletionResponseStatusConverter() : ExtensibleEnumConverter<CompletionResponseStatus>(CompletionResponseStatus.Pending, CompletionResponseStatus.Completed)
{
    protected override CompletionResponseStatus Create(string value) => new(value);
}
