namespace Perplexity.Async.Serialization;

internal sealed class SearchResultSourceConverter() : ExtensibleEnumConverter<SearchResultSource>(SearchResultSource.Web, SearchResultSource.Attachment)
{
    protected override SearchResultSource Create(string value) => new(value);
}
