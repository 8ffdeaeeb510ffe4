namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// A preset of the emulated catalogue: the model it resolves to and how much work a run on it does.
/// </summary>
/// <param name="Name">The canonical name (<c>fast</c> … <c>xhigh</c>).</param>
/// <param name="Model">The <c>provider/model</c> a completed run reports.</param>
/// <param name="Searches">Web searches per run (one <c>search_results</c> item each).</param>
/// <param name="Fetches">Pages read per run (one <c>fetch_url_results</c> item holds them all); 0 for none.</param>
/// <param name="ReasoningTokens">Reasoning tokens per run, before the per-keyword share.</param>
/// <param name="SearchPrice">US dollars per search invocation.</param>
/// <param name="ServiceTier">The echoed <c>service_tier</c>.</param>
internal sealed record PresetSpec(string Name, string Model, int Searches, int Fetches, int ReasoningTokens, decimal SearchPrice, string ServiceTier);
