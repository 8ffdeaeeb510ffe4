using System.Net.Http;

namespace Perplexity.Async.Transport;

/// <summary>
/// The handler that sends the SDK's requests when the caller does not bring one: used by
/// <see cref="PerplexityAsyncClient"/>'s own <see cref="HttpClient"/> and as the primary handler of the clients
/// <c>AddPerplexityAsync</c> registers, so both behave the same.
/// </summary>
internal static class PrimaryHandler
{
    /// <summary>
    /// A handler that never follows redirects: the API never redirects, and following one would carry the
    /// <c>x-…</c> headers (and, on 307/308, the prompt) to another host and could turn a create into a GET there. A
    /// 3xx therefore ends as a <see cref="PerplexityApiException"/> naming the status. Its pooled connections are
    /// recycled every <see cref="ClientDefaults.PooledConnectionLifetime"/>, so DNS changes are seen.
    /// </summary>
    public static HttpMessageHandler Create()
    {
#if NET
        return new SocketsHttpHandler { PooledConnectionLifetime = ClientDefaults.PooledConnectionLifetime, AllowAutoRedirect = false };
#else
        // HttpClientHandler has no connection lifetime here; IHttpClientFactory's handler rotation recycles it.
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
    }
}
