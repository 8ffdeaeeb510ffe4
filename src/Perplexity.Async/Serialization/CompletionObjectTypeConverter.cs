namespace Perplexity.Async.Serialization;

/// <summary>A completion's <c>object</c>: <c>chat.completion</c>, the value the API sends, reads as a shared literal.</summary>
internal sealed class CompletionObjectTypeConverter() : KnownStringConverter("chat.completion");
