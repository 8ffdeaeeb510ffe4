namespace Perplexity.Async.Serialization;

internal sealed class ResponseFormatTypeConverter() : ExtensibleEnumConverter<ResponseFormatType>(ResponseFormatType.Text, ResponseFormatType.JsonSchema, ResponseFormatType.Regex)
{
    protected override ResponseFormatType Create(string value) => new(value);
}
