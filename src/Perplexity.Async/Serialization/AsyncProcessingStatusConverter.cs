namespace Perplexity.Async.Serialization;

internal sealed class AsyncProcessingStatusConverter() : ExtensibleEnumConverter<AsyncProcessingStatus>(AsyncProcessingStatus.Created, AsyncProcessingStatus.InProgress, AsyncProcessingStatus.Completed, AsyncProcessingStatus.Failed)
{
    protected override AsyncProcessingStatus Create(string value) => new(value);
}
