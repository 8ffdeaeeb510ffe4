namespace Perplexity.Async.Serialization.Agent;

/// <summary>A run's echoed <c>service_tier</c>: the two observed values read as shared literals.</summary>
internal sealed class AgentServiceTierConverter() : KnownStringConverter("default", "fast");
