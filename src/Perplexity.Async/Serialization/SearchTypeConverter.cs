namespace Perplexity.Async.Serialization;

internal sealed class SearchTypeConverter() : ExtensibleEnumConverter<SearchType>(SearchType.Fast, SearchType.Pro, SearchType.Auto)
{
    protected override SearchType Create(string value) => new(value);
}
