namespace Perplexity.Async.Tests.Conventions;

public sealed class ModelConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void PublicModels_InShippedAssembly_AreSealedRecordsOrReadonlyStructs(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);

        var violations = ConventionRules.Models(PublicApi.Types(shipped.Assembly), shipped.ServiceTypes);

        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void WireTypes_InShippedAssembly_AreModelsNotServiceTypes(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);
        if (shipped.Json is null)
        {
            shipped.Assembly.GetTypes().ShouldNotContain(t => typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(t),
                "an assembly with a JsonSerializerContext names it in ShippedAssemblies, so its wire types are checked");
            return;
        }

        var types = PublicApi.Types(shipped.Assembly).ToList();

        ConventionRules.WireTypes(types, shipped.Json).ShouldBeEmpty();
        types.Where(t => shipped.ServiceTypes.Contains(t) && shipped.Json.GetTypeInfo(t) is not null).ShouldBeEmpty();
    }

    [Fact]
    public void WireTypes_CoreAssembly_IncludeTheEnvelopeAndTheExtensibleEnums()
    {
        // Guards the wire-type test against a context that stops answering GetTypeInfo (it would then pass vacuously).
        var json = ShippedAssemblies.Get("Perplexity.Async").Json!;

        json.GetTypeInfo(typeof(AsyncApiChatCompletionsResponse)).ShouldNotBeNull();
        json.GetTypeInfo(typeof(AsyncProcessingStatus)).ShouldNotBeNull();
        json.GetTypeInfo(typeof(ChatCompletionRequest)).ShouldNotBeNull();
    }
}
