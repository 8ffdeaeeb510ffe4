namespace Perplexity.Async.Tests.Models;

public sealed class SearchResultSourceTests : ExtensibleEnumTests<SearchResultSource>
{
    protected override IReadOnlyList<(SearchResultSource Value, string Wire)> Known =>
    [
        (SearchResultSource.Web, "web"),
        (SearchResultSource.Attachment, "attachment"),
    ];
}
