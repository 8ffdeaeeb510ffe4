namespace Perplexity.Async.Serialization;

/// <summary>A reasoning step's <c>type</c>: the three step kinds the API documents read as shared literals.</summary>
internal sealed class ReasoningStepTypeConverter() : KnownStringConverter("web_search", "fetch_url_content", "execute_python");
