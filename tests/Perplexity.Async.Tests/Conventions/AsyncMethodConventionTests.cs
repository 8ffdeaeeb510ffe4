namespace Perplexity.Async.Tests.Conventions;

public sealed class AsyncMethodConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void PublicAsyncMethods_InShippedAssembly_EndInAsyncAndTakeACancellationTokenLast(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);

        var violations = ConventionRules.AsyncMethods(PublicApi.Types(shipped.Assembly), ShippedAssemblies.All.Select(a => a.Assembly).ToList());

        violations.ShouldBeEmpty();
    }
}
