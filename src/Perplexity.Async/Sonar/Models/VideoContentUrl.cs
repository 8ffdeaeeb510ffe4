using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The address of a video chunk (the schema's <c>VideoURL</c>): an object <c>{"url", "frame_interval"}</c> or a
/// bare string; both are read, and it is written back in the form it was read.
/// </summary>
[JsonConverter(typeof(VideoContentUrlConverter))]
public sealed record VideoContentUrl
{
    /// <summary>The default <see cref="FrameInterval"/>: 25.</summary>
    public static StringOrInteger DefaultFrameInterval { get; } = new(25);

    /// <summary>The video's address.</summary>
    public required string Url { get; init; }

    /// <summary>How often to sample a frame (a number, or a string such as a duration). Defaults to 25.</summary>
    public StringOrInteger FrameInterval { get; init; } = DefaultFrameInterval;

    /// <summary>
    /// <see langword="true"/> to write the bare-string form (which has no frame interval), <see langword="false"/>
    /// (the default) for the object form.
    /// </summary>
    public bool IsBareString { get; init; }

    /// <summary>
    /// Properties of the object form that this version of the SDK does not know; kept so nothing is lost, and written
    /// back. Always null for the bare-string form.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Creates an address written in the object form.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static VideoContentUrl FromUrl(string url) =>
        new() { Url = url ?? throw new ArgumentNullException(nameof(url)) };

    /// <summary>Returns <see cref="Url"/>.</summary>
    public override string ToString() => Url;
}
