using System.Reflection;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>Each rule, run over the broken shapes in ConventionFixtures, reports them: the convention tests can fail.</summary>
public sealed class ConventionRulesTests
{
    private static readonly Assembly[] Ours = [typeof(ConventionRulesTests).Assembly];

    [Fact]
    public void AsyncMethods_BrokenShapes_ReportsEachAndOnlyThose()
    {
        var violations = ConventionRules.AsyncMethods([typeof(BadAsyncApi)], Ours).ToList();

        violations.Count.ShouldBe(4);
        violations.ShouldContain(v => v.Contains("BadAsyncApi.Fetch returns", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("BadAsyncApi.SendAsync(String) does not take a CancellationToken", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("BadAsyncApi.PollAsync(CancellationToken, Int32) does not take", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("BadAsyncApi.StreamAsync() does not take", StringComparison.Ordinal));
    }

    [Fact]
    public void AsyncMethods_OverrideOfAFrameworkMethod_IsNotJudged()
    {
        // HttpMessageHandler chose SendAsync's signature; the emulator only overrides it.
        var emulator = typeof(Perplexity.Async.Testing.PerplexityEmulator);

        ConventionRules.AsyncMethods([emulator], Ours).ShouldBeEmpty();
        PublicApi.Methods(emulator).ShouldContain(m => m.Name == "SendAsync");
    }

    [Fact]
    public void Models_BrokenShapes_ReportsEachAndOnlyThose()
    {
        Type[] types = [typeof(BadModelClass), typeof(OpenRecord), typeof(MutableRecord), typeof(DerivableRecord), typeof(ClosedRecord),
            typeof(MutableStruct), typeof(FineStruct), typeof(WireEnum), typeof(BadClient), typeof(LooseException), typeof(ConventionRules)];

        var violations = ConventionRules.Models(types, serviceTypes: [typeof(BadClient)]).ToList();

        violations.ShouldBe(
        [
            $"{typeof(BadModelClass).FullName} is a class, not a record",
            $"{typeof(OpenRecord).FullName} is a record that is not sealed",
            $"{typeof(MutableRecord).FullName}.Name has a public setter; models are immutable (use init)",
            $"{typeof(DerivableRecord).FullName} is an abstract record users can derive from; make its constructors private protected",
            $"{typeof(MutableStruct).FullName} is a struct that is not readonly",
        ]);
    }

    [Fact]
    public void WireTypes_SerializedEnumOrClass_IsReported()
    {
        var violations = ConventionRules.WireTypes([typeof(WireEnum), typeof(BadModelClass), typeof(FineStruct)], ConventionFixturesJson.Default).ToList();

        violations.Count.ShouldBe(2);
        violations.ShouldContain(v => v.StartsWith(typeof(WireEnum).FullName + " is a C# enum", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith(typeof(BadModelClass).FullName + " is a class", StringComparison.Ordinal));
    }

    [Fact]
    public void Clients_BrokenShapes_ReportsEachAndOnlyThose()
    {
        var violations = ConventionRules.Clients([typeof(BadClient), typeof(SealedClient), typeof(GoodClient)]).ToList();

        violations.ShouldBe(
        [
            $"{typeof(BadClient).FullName} has no protected parameterless constructor for mocking",
            $"{typeof(BadClient).FullName}.GetAsync is not virtual, so a mock cannot override it",
            $"{typeof(BadClient).FullName}.get_Route is not virtual, so a mock cannot override it",
            $"{typeof(BadClient).FullName}.Field is a visible instance field; make it a virtual property",
            $"{typeof(SealedClient).FullName} is sealed, so it cannot be mocked",
            $"{typeof(SealedClient).FullName} has no protected parameterless constructor for mocking",
        ], ignoreOrder: true);
    }

    [Fact]
    public void XmlDocs_UndocumentedMembers_AreReportedByDocId()
    {
        HashSet<string> documented = ["T:Perplexity.Async.Tests.Conventions.GoodClient", "M:Perplexity.Async.Tests.Conventions.GoodClient.#ctor"];

        var violations = ConventionRules.XmlDocs([typeof(GoodClient)], documented).ToList();

        violations.ShouldBe(["M:Perplexity.Async.Tests.Conventions.GoodClient.GetAsync(System.Threading.CancellationToken) has no XML documentation"]);
    }

    [Fact]
    public void XmlDocs_RecordSynthesizedMembers_NeedNoDocs()
    {
        HashSet<string> documented = ["T:Perplexity.Async.Tests.Conventions.MutableRecord"];

        var violations = ConventionRules.XmlDocs([typeof(MutableRecord)], documented).ToList();

        violations.ShouldBe(
        [
            "P:Perplexity.Async.Tests.Conventions.MutableRecord.Name has no XML documentation",
            "P:Perplexity.Async.Tests.Conventions.MutableRecord.Fine has no XML documentation",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Exceptions_BrokenShapes_ReportsEachAndOnlyThose()
    {
        var violations = ConventionRules.Exceptions([typeof(LooseException), typeof(OpenPerplexityException), typeof(PerplexityException)], [typeof(PerplexityException)]).ToList();

        violations.ShouldBe(
        [
            $"{typeof(LooseException).FullName} does not derive from PerplexityException, so catch (PerplexityException) misses it",
            $"{typeof(LooseException).FullName} is not sealed (add it to the open exceptions if users are meant to derive from it)",
            $"{typeof(OpenPerplexityException).FullName} is not sealed (add it to the open exceptions if users are meant to derive from it)",
        ]);
    }

    [Fact]
    public void Namespaces_InternalOrForeignNamespace_IsReported()
    {
        var violations = ConventionRules.Namespaces([typeof(BadClient), typeof(Perplexity.Async.Internal.ChatClientDefaults), typeof(PerplexityAsyncClient)], "Perplexity.Async").ToList();

        violations.ShouldBe(
        [
            $"{typeof(BadClient).FullName} is not in namespace Perplexity.Async",
            "Perplexity.Async.Internal.ChatClientDefaults is public in an Internal namespace; make it internal",
        ]);
    }
}
