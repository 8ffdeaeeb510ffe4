using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// An in-memory API: answers each request with the next scripted response (the last one repeats), records when each
/// request arrived on the <see cref="TestClock"/>, and tells the clock a request happened.
/// </summary>
internal sealed class ScriptedHandler(TestClock clock) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The gaps between consecutive requests, on the fake clock.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            var requests = Requests;
            return requests.Skip(1).Select((r, i) => r.At - requests[i].At).ToList();
        }
    }

    public ScriptedHandler Then(Func<HttpResponseMessage> response) =>
        Then((_, _) => Task.FromResult(response()));

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> response)
    {
        lock (_gate)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public ScriptedHandler Then(string status, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Then(() => Api.Envelope(status));
        }

        return this;
    }

    public ScriptedHandler ThenCompleted() => Then(() => Api.Completed());

    public ScriptedHandler ThenError(int status, Action<HttpResponseMessage>? configure = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Then(() =>
            {
                var response = Api.Error(status);
                configure?.Invoke(response);
                return response;
            });
        }

        return this;
    }

    public ScriptedHandler ThenNetworkError() =>
        Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (in-memory).")));

    /// <summary>A request that never answers until it is cancelled; <paramref name="entered"/> completes when it arrives.</summary>
    public ScriptedHandler ThenHang(TaskCompletionSource entered) =>
        Then(async (_, cancellationToken) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken); // real-time-ok: hangs until cancelled, never elapses
            throw new InvalidOperationException("unreachable");
        });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> next;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, clock.GetUtcNow(), request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
            next = _script.Count > 0 ? _last = _script.Dequeue() : _last ?? throw new InvalidOperationException("Nothing scripted.");
        }

        clock.MarkEvent();
        return AnswerForTheJobAskedAsync(request, next(request, cancellationToken));
    }

    // A scripted envelope answers for the job the GET asked about (an answer for another job is a protocol error).
    private static async Task<HttpResponseMessage> AnswerForTheJobAskedAsync(HttpRequestMessage request, Task<HttpResponseMessage> answer)
    {
        var response = await answer;
        var last = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath.Split('/')[^1]);
        if (request.Method != HttpMethod.Get || response.StatusCode != HttpStatusCode.OK || last is "sonar" or "completions"
            || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync();
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(body) as JsonObject;
            _ = node?["id"];
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON, or JSON the test made odd on purpose (a repeated member): answered as scripted.
            return response;
        }

        if (node?["id"] is not null)
        {
            node["id"] = last;
            var rewritten = Api.Json(node.ToJsonString(), response.StatusCode);
            foreach (var header in response.Headers)
            {
                rewritten.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            return rewritten;
        }

        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers);

/// <summary>Canned API answers built from the fixtures.</summary>
internal static class Api
{
    public const string JobId = "req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W";

    public static string EnvelopeJson(string status, bool withResponse = false)
    {
        var node = JsonNode.Parse(Fixture.Read(withResponse ? "deep-research-completed.json" : "created.json"))!.AsObject();
        node["id"] = JobId;
        node["status"] = status;
        return node.ToJsonString();
    }

    public static HttpResponseMessage Envelope(string status) => Json(EnvelopeJson(status));

    public static HttpResponseMessage Completed() => Json(EnvelopeJson("COMPLETED", withResponse: true));

    public static HttpResponseMessage Failed() => Json(Fixture.Read("failed.json"));

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(int status) =>
        Json($$$"""{"error":{"message":"scripted {{{status}}}","type":"test","code":"{{{status}}}"}}""", (HttpStatusCode)status);
}
