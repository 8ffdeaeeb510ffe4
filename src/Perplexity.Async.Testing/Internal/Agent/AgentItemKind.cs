namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The output item types an emulated run produces.</summary>
internal enum AgentItemKind
{
    /// <summary><c>search_results</c>: one per search call.</summary>
    SearchResults,

    /// <summary><c>fetch_url_results</c>: the pages read.</summary>
    FetchUrlResults,

    /// <summary><c>message</c>: the answer.</summary>
    Message,

    /// <summary><c>function_call</c>: a call of one of the request's function tools, which the caller runs.</summary>
    FunctionCall,
}
