using System.Text.Json.Serialization;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Serialization;

/// <summary>
/// The one source-generated serializer context: no reflection, trimming- and NativeAOT-safe. Unix timestamps map
/// to <see cref="System.DateTimeOffset"/> everywhere, nulls are omitted when writing, and a JSON <c>null</c> in a
/// non-nullable property is an error rather than a latent <see cref="System.NullReferenceException"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters = [typeof(UnixSecondsConverter)])]
[JsonSerializable(typeof(AsyncApiChatCompletionsResponse))]
[JsonSerializable(typeof(HttpValidationError))]
[JsonSerializable(typeof(Choice))] // Element types users read on their own through PerplexityJson.
[JsonSerializable(typeof(ImageResult))]
[JsonSerializable(typeof(AsyncChatCompletionSummary))]
[JsonSerializable(typeof(ReasoningStep))]
[JsonSerializable(typeof(ToolCall))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ValidationError))]
[JsonSerializable(typeof(ChatMessageContentChunk))]
[JsonSerializable(typeof(ChatMessageContentTextChunk))]
[JsonSerializable(typeof(ChatMessageContentImageChunk))]
[JsonSerializable(typeof(ChatMessageContentFileChunk))]
[JsonSerializable(typeof(ChatMessageContentPdfChunk))]
[JsonSerializable(typeof(ChatMessageContentVideoChunk))]
[JsonSerializable(typeof(SearchResultSource))]
[JsonSerializable(typeof(ApiPublicSearchResult))]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(AsyncChatCompletionsListResponse))]
[JsonSerializable(typeof(AsyncCreateBody))]
internal sealed partial class PerplexityJsonContext : JsonSerializerContext
{
}
