using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Internal;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The operations on one route family of the async API. Get one from <see cref="PerplexityAsyncClient.Sonar"/>
/// or <see cref="PerplexityAsyncClient.ChatCompletions"/>. Thread-safe; every method is virtual for mocking.
/// </summary>
public class AsyncCompletionsClient
{
    private readonly PerplexityTransport _transport;

    internal AsyncCompletionsClient(PerplexityTransport transport, string route)
    {
        _transport = transport;
        Route = route;
    }

    /// <summary>For mocking only: a client whose members are all overridden.</summary>
    protected AsyncCompletionsClient()
    {
        _transport = null!;
        Route = string.Empty;
    }

    /// <summary>The route this client serves, for example <c>v1/async/sonar</c>.</summary>
    public virtual string Route { get; }

    /// <summary>Gets a job's current state: <c>GET {route}/{requestId}</c>.</summary>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job's envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set once completed.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AsyncApiChatCompletionsResponse> GetAsync(string requestId, CancellationToken cancellationToken) =>
        GetAsync(requestId, null, cancellationToken);

    /// <summary>Gets a job's current state: <c>GET {route}/{requestId}</c>.</summary>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="options">The <c>local_mode</c> query parameter and <c>x-…</c> headers to send; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job's envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set once completed.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long, or a header in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AsyncApiChatCompletionsResponse> GetAsync(
        string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // A null id would otherwise address the route itself, which answers with the job list.
        if (requestId is null)
        {
            throw new ArgumentNullException(nameof(requestId), "A request id is required.");
        }

        var request = new PerplexityRequest(HttpMethod.Get, Route, requestId, options);
        return _transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, cancellationToken);
    }
}
