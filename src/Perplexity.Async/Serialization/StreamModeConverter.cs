namespace Perplexity.Async.Serialization;

internal sealed class StreamModeConverter() : ExtensibleEnumConverter<StreamMode>(StreamMode.Full, StreamMode.Concise)
{
    protected override StreamMode Create(string value) => new(value);
}
