using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The address of an image, file or PDF chunk (the schema's <c>URL</c>). The API accepts it as an object
/// <c>{"url": "..."}</c> or as a bare string; both are read, and it is written back in the form it was read.
/// </summary>
[JsonConverter(typeof(ContentUrlConverter))]
public sealed record ContentUrl
{
    /// <summary>The address: an http(s) URL or a base64 data URI.</summary>
    public required string Url { get; init; }

    /// <summary>
    /// <see langword="true"/> to write the bare-string form, <see langword="false"/> (the default) for the
    /// object form.
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
    public static ContentUrl FromUrl(string url) =>
        new() { Url = url ?? throw new ArgumentNullException(nameof(url)) };

    /// <summary>Returns <see cref="Url"/>.</summary>
    public override string ToString() => Url;
}
