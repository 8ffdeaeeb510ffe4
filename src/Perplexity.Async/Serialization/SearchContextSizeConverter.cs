namespace Perplexity.Async.Serialization;

internal sealed class SearchContextSizeConverter() : ExtensibleEnumConverter<SearchContextSize>(SearchContextSize.Low, SearchContextSize.Medium, SearchContextSize.High)
{
    protected override SearchContextSize Create(string value) => new(value);
}
