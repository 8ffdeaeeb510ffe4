using System.Net;
using System.Net.Http;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>An in-memory <see cref="HttpMessageHandler"/>: records each request and answers with a delegate.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public const string MinimalJob = """{"id":"job-1","model":"sonar","created_at":1763870400,"status":"CREATED"}""";

    public List<HttpRequestMessage> Requests { get; } = [];

    public static StubHandler Json(string json = MinimalJob, HttpStatusCode status = HttpStatusCode.OK) =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public static StubHandler Throwing(Exception exception) => new(_ => throw exception);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(respond(request));
    }
}
