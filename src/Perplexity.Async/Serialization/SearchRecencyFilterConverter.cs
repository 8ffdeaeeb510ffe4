namespace Perplexity.Async.Serialization;

internal sealed class SearchRecencyFilterConverter() : ExtensibleEnumConverter<SearchRecencyFilter>(SearchRecencyFilter.Hour, SearchRecencyFilter.Day, SearchRecencyFilter.Week, SearchRecencyFilter.Month, SearchRecencyFilter.Year)
{
    protected override SearchRecencyFilter Create(string value) => new(value);
}
