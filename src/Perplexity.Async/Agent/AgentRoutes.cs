namespace Perplexity.Async;

/// <summary>The Agent API's routes (reference §2): the documented create route, and the <c>/v1/responses</c> family that
/// the official SDKs, the background-mode docs and the stream resume use for everything else.</summary>
internal static class AgentRoutes
{
    /// <summary><c>POST</c>: create a run (synchronous, background or streaming).</summary>
    public const string Create = "v1/agent";

    /// <summary><c>GET {Responses}/{id}</c>: a run's snapshot; <c>POST {Responses}/{id}/cancel</c>; <c>?stream=true&amp;starting_after=N</c> resumes a stream.</summary>
    public const string Responses = "v1/responses";

    /// <summary>The cancel route's last segment.</summary>
    public const string CancelSuffix = "cancel";
}
