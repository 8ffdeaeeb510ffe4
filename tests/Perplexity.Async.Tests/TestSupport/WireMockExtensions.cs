using WireMock;
using WireMock.Server;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Reads what WireMock received.</summary>
internal static class WireMockExtensions
{
    /// <summary>The one request the server received.</summary>
    public static IRequestMessage SingleRequest(this WireMockServer server) =>
        server.LogEntries.ShouldHaveSingleItem().RequestMessage.ShouldNotBeNull();

    /// <summary>A header's values, looked up ignoring case; null when the header was not sent.</summary>
    public static string? Header(this IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } header
            ? string.Join(",", header.Value)
            : null;

    /// <summary>The path and query as they appear in the URL the server logged (reserved characters stay escaped).</summary>
    public static string RawPathAndQuery(this IRequestMessage request) => new Uri(request.Url).PathAndQuery;
}
