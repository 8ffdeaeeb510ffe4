using System.IO;
using System.Threading;
using System.Xml.Linq;

namespace Perplexity.Async.Tests.Conventions;

public sealed class XmlDocConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void PublicTypesAndMembers_InShippedAssembly_HaveXmlDocs(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);
        var documented = DocumentedIds(shipped);

        var violations = ConventionRules.XmlDocs(PublicApi.Types(shipped.Assembly), documented);

        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void XmlDocs_InShippedAssembly_AreNotEmpty(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);
        var path = Path.ChangeExtension(shipped.Assembly.Location, ".xml");

        var empty = XDocument.Load(path).Descendants("member")
            .Where(m => !m.Elements().Any() && string.IsNullOrWhiteSpace(m.Value))
            .Select(m => (string?)m.Attribute("name"));

        empty.ShouldBeEmpty();
    }

    [Fact]
    public void DocumentedIds_CoreAssembly_MatchTheIdsComputedByReflection()
    {
        // Guards the doc-id builder: a few ids of every shape, as the compiler wrote them.
        var documented = DocumentedIds(ShippedAssemblies.Get("Perplexity.Async"));
        var ids = new[]
        {
            XmlDocId.For(typeof(PerplexityAsyncClient)),
            XmlDocId.For(typeof(PerplexityAsyncClient).GetConstructor([typeof(System.Net.Http.HttpClient), typeof(PerplexityAsyncClientOptions)])!),
            XmlDocId.For(typeof(AsyncCompletionsClient).GetMethod(nameof(AsyncCompletionsClient.ListAsync))!),
            XmlDocId.For(typeof(AsyncCompletionsClient).GetMethod(nameof(AsyncCompletionsClient.WaitForCompletionAsync), [typeof(string), typeof(PollingOptions), typeof(IProgress<AsyncApiChatCompletionsResponse>), typeof(CancellationToken)])!),
            XmlDocId.For(typeof(AsyncProcessingStatus).GetMethod("op_Implicit")!),
            XmlDocId.For(typeof(AsyncProcessingStatus).GetProperty(nameof(AsyncProcessingStatus.Completed))!),
            XmlDocId.For(typeof(PerplexityAsyncClientOptions).GetField(nameof(PerplexityAsyncClientOptions.DefaultSectionName))!),
        };

        ids.ShouldBe(
        [
            "T:Perplexity.Async.PerplexityAsyncClient",
            "M:Perplexity.Async.PerplexityAsyncClient.#ctor(System.Net.Http.HttpClient,Perplexity.Async.PerplexityAsyncClientOptions)",
            "M:Perplexity.Async.AsyncCompletionsClient.ListAsync(System.Nullable{System.Int32},Perplexity.Async.AsyncRequestOptions,System.Threading.CancellationToken)",
            "M:Perplexity.Async.AsyncCompletionsClient.WaitForCompletionAsync(System.String,Perplexity.Async.PollingOptions,System.IProgress{Perplexity.Async.AsyncApiChatCompletionsResponse},System.Threading.CancellationToken)",
            "M:Perplexity.Async.AsyncProcessingStatus.op_Implicit(System.String)~Perplexity.Async.AsyncProcessingStatus",
            "P:Perplexity.Async.AsyncProcessingStatus.Completed",
            "F:Perplexity.Async.PerplexityAsyncClientOptions.DefaultSectionName",
        ]);
        ids.ShouldBeSubsetOf(documented);
    }

    private static HashSet<string> DocumentedIds(ShippedAssembly shipped)
    {
        var path = Path.ChangeExtension(shipped.Assembly.Location, ".xml");
        File.Exists(path).ShouldBeTrue($"{path} is missing: the project must set GenerateDocumentationFile");
        return XDocument.Load(path).Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }
}
