namespace Perplexity.Async.Serialization;

/// <summary>A tool call's <c>type</c>: <c>function</c>, the only kind the API sends, reads as a shared literal.</summary>
internal sealed class ToolCallTypeConverter() : KnownStringConverter("function");
