using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The SDK's JSON settings, for storing and reloading results with exactly the wire format: snake_case names,
/// Unix-second timestamps, extensible enums, unknown properties kept. Source-generated, so it is safe under
/// trimming and NativeAOT.
/// </summary>
/// <example>
/// <code>
/// string json = PerplexityJson.Serialize(job);
/// AsyncApiChatCompletionsResponse again = PerplexityJson.Deserialize&lt;AsyncApiChatCompletionsResponse&gt;(json);
/// </code>
/// </example>
public static class PerplexityJson
{
    /// <summary>Read-only serializer options backed by the SDK's source-generated context.</summary>
    public static JsonSerializerOptions Options => PerplexityJsonContext.Default.Options;

    /// <summary>The source-generated metadata for a model type of this SDK.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a model to its wire JSON.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, GetTypeInfo<T>());

    /// <summary>Deserializes a model from its wire JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is malformed (a lone surrogate included) or does not match the model.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this SDK.</exception>
    public static T Deserialize<T>(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var typeInfo = GetTypeInfo<T>();
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new JsonException($"The JSON is null, not a {typeof(T).Name}.");
        }
        catch (ArgumentException ex) when (ex.InnerException is EncoderFallbackException)
        {
            // System.Text.Json transcodes the string to UTF-8 first and reports a lone surrogate as an argument error;
            // to a caller it is malformed JSON text.
            throw new JsonException($"The JSON text is not valid UTF-16: {ex.InnerException.Message}", ex);
        }
    }
}
