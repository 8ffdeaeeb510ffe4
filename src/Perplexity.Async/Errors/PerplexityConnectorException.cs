using System;

namespace Perplexity.Async;

/// <summary>A connector or MCP server the request named could not be reached or failed (424, <c>external_connector_error</c>): check the tool's <c>server_url</c> and credentials.</summary>
public sealed class PerplexityConnectorException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityConnectorException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
