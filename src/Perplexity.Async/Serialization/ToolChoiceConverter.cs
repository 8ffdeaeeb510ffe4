namespace Perplexity.Async.Serialization;

internal sealed class ToolChoiceConverter() : ExtensibleEnumConverter<ToolChoice>(ToolChoice.None, ToolChoice.Auto, ToolChoice.Required)
{
    protected override ToolChoice Create(string value) => new(value);
}
