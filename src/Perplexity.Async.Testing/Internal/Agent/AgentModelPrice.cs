namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>A model of the emulated catalogue and its prices in US dollars per million tokens.</summary>
internal sealed record AgentModelPrice(string Id, decimal InputPerMillion, decimal OutputPerMillion, decimal CacheReadPerMillion);
