using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// An in-memory async API on the <see cref="TestClock"/> for tests of waiting on many jobs: each job finishes (or
/// fails, or never finishes) at a given time after the fake started, the list shows the jobs newest first in pages of
/// <c>limit</c> (unless a job is hidden from it), GET by id answers a job's envelope, and a test can answer any request
/// itself first (<see cref="Intercept"/>). Records every request with its time, and tells the clock a request happened.
/// </summary>
internal sealed class FakeJobsApi : HttpMessageHandler
{
    public const string Route = "/v1/async/sonar";

    private readonly TestClock _clock;
    private readonly DateTimeOffset _start;
    private readonly object _gate = new();
    private readonly List<FakeJob> _jobs = [];
    private readonly List<RecordedRequest> _requests = [];

    public FakeJobsApi(TestClock clock)
    {
        _clock = clock;
        _start = clock.GetUtcNow();
    }

    /// <summary>Answers a request before the fake does, when it returns a response; null lets the fake answer.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

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

    /// <summary>The list requests.</summary>
    public IReadOnlyList<RecordedRequest> Lists => Requests.Where(r => r.Uri.AbsolutePath == Route).ToList();

    /// <summary>The GETs of single jobs.</summary>
    public IReadOnlyList<RecordedRequest> Gets => Requests.Where(r => r.Uri.AbsolutePath.StartsWith(Route + "/", StringComparison.Ordinal)).ToList();

    /// <summary>How many list requests and GETs each round sent, rounds told apart by the clock.</summary>
    public IReadOnlyList<(TimeSpan At, int Lists, int Gets)> Rounds =>
        Requests
            .GroupBy(r => r.At - _start)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(r => r.Uri.AbsolutePath == Route), g.Count(r => r.Uri.AbsolutePath != Route)))
            .ToList();

    /// <summary>Adds a job, newer than every job added before it.</summary>
    public FakeJobsApi Job(string id, TimeSpan? finishesAfter, bool fails = false, bool listed = true)
    {
        lock (_gate)
        {
            _jobs.Add(new FakeJob(id, finishesAfter, fails, listed));
        }

        return this;
    }

    /// <summary>Adds <paramref name="count"/> jobs that never finish, newer than every job added before them.</summary>
    public FakeJobsApi Others(int count, string prefix = "other_")
    {
        for (var i = 0; i < count; i++)
        {
            Job(prefix + i, finishesAfter: null);
        }

        return this;
    }

    public static string Status(FakeJob job, TimeSpan elapsed) =>
        job.FinishesAfter is { } finish && elapsed >= finish ? (job.Fails ? "FAILED" : "COMPLETED")
        : elapsed > TimeSpan.Zero || job.FinishesAfter is null ? "IN_PROGRESS" : "CREATED";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, _clock.GetUtcNow(), new Dictionary<string, string>()));
        }

        _clock.MarkEvent();
        var response = Intercept?.Invoke(request) ?? Answer(request);
        return Task.FromResult(response);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var elapsed = _clock.GetUtcNow() - _start;
        lock (_gate)
        {
            if (path == Route)
            {
                return List(request.RequestUri, elapsed);
            }

            var id = Uri.UnescapeDataString(path[(Route.Length + 1)..]);
            var job = _jobs.FirstOrDefault(j => j.Id == id);
            return job is null ? Api.Error(404) : Api.Json(Envelope(job, elapsed).ToJsonString());
        }
    }

    private HttpResponseMessage List(Uri uri, TimeSpan elapsed)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var limit = int.Parse(query["limit"] ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        var skip = int.Parse(query["next_token"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var listed = _jobs.Where(j => j.Listed).Reverse().ToList();
        var page = listed.Skip(skip).Take(limit).ToList();
        var items = new JsonArray();
        foreach (var job in page)
        {
            var status = Status(job, elapsed);
            items.Add(new JsonObject
            {
                ["id"] = job.Id,
                ["model"] = "sonar-deep-research",
                ["status"] = status,
                ["created_at"] = _start.ToUnixTimeSeconds(),
                ["started_at"] = status == "CREATED" ? null : _start.ToUnixTimeSeconds(),
                ["completed_at"] = status == "COMPLETED" ? (_start + elapsed).ToUnixTimeSeconds() : null,
                ["failed_at"] = status == "FAILED" ? (_start + elapsed).ToUnixTimeSeconds() : null,
            });
        }

        var next = skip + page.Count < listed.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Api.Json(new JsonObject { ["requests"] = items, ["next_token"] = next }.ToJsonString());
    }

    private JsonObject Envelope(FakeJob job, TimeSpan elapsed)
    {
        var status = Status(job, elapsed);
        var node = JsonNode.Parse(Fixture.Read(status switch
        {
            "COMPLETED" => "deep-research-completed.json",
            "FAILED" => "failed.json",
            _ => "created.json",
        }))!.AsObject();
        node["id"] = job.Id;
        node["status"] = status;
        node["created_at"] = _start.ToUnixTimeSeconds();
        return node;
    }
}

internal sealed record FakeJob(string Id, TimeSpan? FinishesAfter, bool Fails, bool Listed);
