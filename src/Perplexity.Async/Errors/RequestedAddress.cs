using System;

namespace Perplexity.Async.Errors;

/// <summary>
/// The sentences that tell a user where a failed request went and where to look when the address may be wrong: a 404
/// and a body that is not the API's JSON are, far more often than not, a <see cref="PerplexityAsyncClientOptions.BaseAddress"/>
/// that points at another host or path (a proxy prefix, a missing <c>/</c>, a web page).
/// </summary>
internal static class RequestedAddress
{
    /// <summary>For a 404: the URL, and what the status means for a request with or without an id.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="url">The URL that was requested, already redacted.</param>
    /// <param name="baseAddress">The client's base address.</param>
    /// <param name="hasId">Whether the request named a run or job id.</param>
    public static string NotFound(string method, string url, Uri baseAddress, bool hasId)
    {
        var what = hasId ? "the id is unknown there" : "that address serves no such route";
        return IsDefault(baseAddress)
            ? $"Requested {method} {url}: {what} (BaseAddress is Perplexity's own)."
            : $"Requested {method} {url}: {what}, or {Check(baseAddress)}";
    }

    /// <summary>For a body that is not what the API sends: the URL, and the base address to check.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="url">The URL that was requested, already redacted.</param>
    /// <param name="baseAddress">The client's base address.</param>
    public static string Unexpected(string method, string url, Uri baseAddress) =>
        IsDefault(baseAddress)
            ? $"Requested {method} {url}."
            : $"Requested {method} {url}; if that is not Perplexity's API, {Check(baseAddress)}";

    private static bool IsDefault(Uri baseAddress) => baseAddress == PerplexityAsyncClientOptions.DefaultBaseAddress;

    private static string Check(Uri baseAddress) =>
        $"check PerplexityAsyncClientOptions.BaseAddress ({baseAddress.AbsoluteUri}): Perplexity's API is at "
        + $"{PerplexityAsyncClientOptions.DefaultBaseAddress.AbsoluteUri}.";
}
