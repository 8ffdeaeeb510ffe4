namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>The three response bodies every benchmark runs against.</summary>
public enum PayloadKind
{
    /// <summary>A job just created: the bare envelope, <c>response</c> null (about 200 bytes).</summary>
    Created,

    /// <summary>A completed sonar-route job: answer, citations, search results, images, related questions (~10 KB).</summary>
    Sonar,

    /// <summary>
    /// A completed deep-research job on the legacy route: chunked content, many reasoning steps of every kind,
    /// tool calls, citations and search results (≥200 KB).
    /// </summary>
    DeepResearch,
}
