using System.Text.Json.Serialization;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>A JSON context over broken wire types, for <see cref="ConventionRulesTests"/>.</summary>
[JsonSerializable(typeof(WireEnum))]
[JsonSerializable(typeof(BadModelClass))]
[JsonSerializable(typeof(FineStruct))]
internal sealed partial class ConventionFixturesJson : JsonSerializerContext;
