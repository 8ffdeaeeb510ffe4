using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>WireMock mappings for a job on the sonar route, and a look at what the server received.</summary>
internal static class JobStubs
{
    public static void StubCreatedJob(this WireMockServer server, string requestId, int status = 200, string? body = null) =>
        server
            .Given(Request.Create().WithPath("/v1/async/sonar/" + requestId).UsingGet())
            .RespondWith(Response.Create()
                .WithStatusCode(status)
                .WithHeader("Content-Type", "application/json")
                .WithBody(body ?? Fixture.Read("created.json").Replace("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W", requestId, StringComparison.Ordinal)));

    public static IReadOnlyList<string> AuthorizationHeaders(this WireMockServer server) =>
        [.. server.LogEntries
            .Select(e => e.RequestMessage?.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.ToString() : "(none)")];
}
