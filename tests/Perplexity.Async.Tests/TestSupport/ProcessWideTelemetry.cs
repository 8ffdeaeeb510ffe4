namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// Tests that read the process-wide meter, whose measurements cannot be told apart from other tests' by a tag of
/// their own (token usage and cost are tagged with models every emulated run shares). They run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "Process-wide telemetry";
}
