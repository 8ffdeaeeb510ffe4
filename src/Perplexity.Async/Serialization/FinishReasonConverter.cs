namespace Perplexity.Async.Serialization;

internal sealed class FinishReasonConverter() : ExtensibleEnumConverter<FinishReason>(FinishReason.Stop, FinishReason.Length)
{
    protected override FinishReason Create(string value) => new(value);
}
