namespace Perplexity.Async.Tests.Sonar.Models;

public sealed class SearchResultSourceTests : ExtensibleEnumTests<SearchResultSource>
{
    protected override IReadOnlyList<(SearchResultSource Value, string Wire)> Known =>
    [
        (SearchResultSource.Web, "web"),
        (SearchResultSource.Attachment, "attachment"),
    ];
}
