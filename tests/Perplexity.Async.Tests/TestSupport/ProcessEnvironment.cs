namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// Tests that set or clear process environment variables. They run alone, after every parallel test, so no other
/// test sees a half-changed environment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}
