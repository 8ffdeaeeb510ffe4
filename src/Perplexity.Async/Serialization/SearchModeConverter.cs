namespace Perplexity.Async.Serialization;

internal sealed class SearchModeConverter() : ExtensibleEnumConverter<SearchMode>(SearchMode.Web, SearchMode.Academic, SearchMode.Sec)
{
    protected override SearchMode Create(string value) => new(value);
}
