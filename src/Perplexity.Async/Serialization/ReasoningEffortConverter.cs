namespace Perplexity.Async.Serialization;

internal sealed class ReasoningEffortConverter() : ExtensibleEnumConverter<ReasoningEffort>(ReasoningEffort.Minimal, ReasoningEffort.Low, ReasoningEffort.Medium, ReasoningEffort.High)
{
    protected override ReasoningEffort Create(string value) => new(value);
}
