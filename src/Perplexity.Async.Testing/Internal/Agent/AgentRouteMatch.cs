namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>A path matched below an Agent route: the route (<c>v1/agent</c> or <c>v1/responses</c>), the endpoint and the id in it.</summary>
internal sealed record AgentRouteMatch(string Route, AgentRouteKind Kind, string? Id);
