namespace Perplexity.Async.Tests.Conventions;

public sealed class ClientConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void Clients_InShippedAssembly_AreMockable(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);

        var violations = ConventionRules.Clients(shipped.Clients);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Clients_CoreAssembly_AreTheRootClientAndTheApiClients()
    {
        ShippedAssemblies.Get("Perplexity.Async").Clients.ShouldBe([typeof(PerplexityAsyncClient), typeof(AsyncCompletionsClient), typeof(AgentClient)]);
    }

    [Fact]
    public void Clients_EveryPublicTypeWithAProtectedParameterlessConstructor_IsListedAsAClient()
    {
        // A type that offers the mocking constructor is a client, and then its members must be virtual too.
        var mockable = ShippedAssemblies.All.SelectMany(a => PublicApi.Types(a.Assembly))
            .Where(t => t.IsClass && !t.IsAbstract && PublicApi.Constructors(t).Any(c => c.IsFamily && c.GetParameters().Length == 0))
            .Where(t => !typeof(Exception).IsAssignableFrom(t));

        mockable.ShouldBeSubsetOf(ShippedAssemblies.All.SelectMany(a => a.Clients));
    }
}
