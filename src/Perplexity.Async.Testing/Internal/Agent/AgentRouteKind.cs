namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>Which Agent endpoint a path names.</summary>
internal enum AgentRouteKind
{
    /// <summary><c>{route}</c>: create.</summary>
    Collection,

    /// <summary><c>{route}/{id}</c>: snapshot, or a resumed stream.</summary>
    Run,

    /// <summary><c>{route}/{id}/cancel</c>.</summary>
    Cancel,

    /// <summary>Below an Agent route but no endpoint (for example <c>{route}/{id}/files</c>): 404.</summary>
    Unknown,
}
