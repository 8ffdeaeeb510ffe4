using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// A client over WireMock on a <see cref="TestClock"/>, with retries on and jitter off (so every delay is exact),
/// and a <see cref="TimedRecordingHandler"/> that timestamps requests and injects connection faults.
/// </summary>
public abstract class RetryTestBase : IClassFixture<WireMockFixture>, IDisposable
{
    protected const string JobId = "req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W";
    protected const string JobPath = "/v1/async/sonar/" + JobId;
    protected const string CreatePath = "/v1/async/sonar";

    private readonly List<IDisposable> _disposables = [];

    protected RetryTestBase(WireMockFixture fixture)
    {
        Server = fixture.Server;
        Server.Reset();
        Clock = new TestClock();
        Handler = new TimedRecordingHandler(Clock);
    }

    protected WireMockServer Server { get; }

    internal TestClock Clock { get; }

    internal TimedRecordingHandler Handler { get; }

    protected PerplexityAsyncClient CreateSut(Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = WireMockTestBase.ApiKey,
            BaseAddress = new Uri(Server.Url!),
            TimeProvider = Clock,
            UseRetryJitter = false,
        };
        configure?.Invoke(options);
        var httpClient = new HttpClient(Handler, disposeHandler: false);
        var client = new PerplexityAsyncClient(httpClient, options);
        _disposables.Add(client);
        _disposables.Add(httpClient);
        return client;
    }

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="responses"/> in turn; the last one repeats.</summary>
    protected void Script(string method, string path, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var given = Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario);
            if (i > 0)
            {
                given = given.WhenStateIs("step" + i);
            }

            if (i < responses.Length - 1)
            {
                given = given.WillSetStateTo("step" + (i + 1));
            }

            given.RespondWith(responses[i]);
        }
    }

    // The fixture as the answer for JobId (a GET answered with another job is a protocol error).
    protected static IResponseBuilder Ok(string fixture = "created.json")
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Read(fixture))!.AsObject();
        node["id"] = JobId;
        return Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(node.ToJsonString());
    }

    protected static IResponseBuilder Error(int status, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"error":{"message":"scripted {{{status}}}","type":"test"}}""");
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    /// <summary>Waits for the first request, then moves the fake clock timer by timer until <paramref name="task"/> ends.</summary>
    internal async Task<T> DriveAsync<T>(Task<T> task)
    {
        await Handler.WaitForRequestsAsync(1);
        return await Clock.DriveAsync(task);
    }

    /// <summary>Like <see cref="DriveAsync{T}(Task{T})"/>, for a task expected to fail: returns its exception.</summary>
    internal async Task<TException> DriveToFailureAsync<TException>(Task task)
        where TException : Exception
    {
        await Handler.WaitForRequestsAsync(1);
        await Clock.DriveAsync(task);
        return await Should.ThrowAsync<TException>(task);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        Handler.Dispose();
        GC.SuppressFinalize(this);
    }
}
