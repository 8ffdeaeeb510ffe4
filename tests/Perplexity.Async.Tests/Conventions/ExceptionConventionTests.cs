namespace Perplexity.Async.Tests.Conventions;

public sealed class ExceptionConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void Exceptions_InShippedAssembly_DerivefromPerplexityExceptionAndAreSealedUnlessOpenByDesign(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);

        var violations = ConventionRules.Exceptions(PublicApi.Types(shipped.Assembly), ShippedAssemblies.OpenExceptions);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void OpenExceptions_AreTheBaseAndTheHttpStatusFamily()
    {
        // Catching the family is the point of these two; every status-specific exception below them is sealed.
        ShippedAssemblies.OpenExceptions.ShouldBe([typeof(PerplexityException), typeof(PerplexityApiException)]);
        typeof(PerplexityNotFoundException).IsSealed.ShouldBeTrue();
    }
}
