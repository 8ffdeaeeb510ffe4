using System.Net;
using System.Net.Http;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorRecordingTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Fact]
    public async Task Requests_RecordMethodPathQueryHeadersAndStatus()
    {
        using var client = _harness.Emulator.CreateClient();
        var job = _harness.Emulator.AddJob("q");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));

        await client.Sonar.GetAsync(job.Id, new AsyncRequestOptions { LocalMode = true, ClientName = "tests" });

        var request = _harness.Emulator.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Get);
        request.Uri.ShouldBe(new Uri($"https://api.perplexity.ai/v1/async/sonar/{job.Id}?local_mode=true"));
        request.Path.ShouldBe($"/v1/async/sonar/{job.Id}");
        request.Query.ShouldBe("local_mode=true");
        request.QueryParameter("local_mode").ShouldBe("true");
        request.QueryParameter("absent").ShouldBeNull();
        request.Header("x-client-name").ShouldBe("tests");
        request.Header("AUTHORIZATION").ShouldBe("Bearer pplx-emulator");
        request.Header("User-Agent")!.ShouldStartWith("Perplexity.Async/");
        request.Body.ShouldBeNull();
        request.ReceivedAt.ShouldBe(EmulatorHarness.Start.AddSeconds(2));
        request.StatusCode.ShouldBe(HttpStatusCode.OK);
        request.ToString().ShouldBe($"GET /v1/async/sonar/{job.Id}?local_mode=true → 200");
    }

    [Fact]
    public async Task Requests_RecordTheBodyAndContentHeaders()
    {
        var body = EmulatorHarness.CreateBody("q").ToJsonString();

        await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Legacy, body);

        var request = _harness.Emulator.Requests.ShouldHaveSingleItem();
        request.Body.ShouldBe(body);
        request.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        request.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_RecordRejectedRequestsToo()
    {
        await _harness.SendAsync(HttpMethod.Get, $"{EmulatorHarness.Sonar}/missing");

        _harness.Emulator.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentCreates_AreAllRecordedAndGetDistinctJobs()
    {
        var creates = Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => _harness.CreateAsync(i % 2 == 0 ? EmulatorHarness.Sonar : EmulatorHarness.Legacy, $"q{i}")));

        var envelopes = await Task.WhenAll(creates);

        envelopes.Select(e => (string)e["id"]!).Distinct().Count().ShouldBe(40);
        _harness.Emulator.Requests.Count.ShouldBe(40);
        _harness.Emulator.Jobs.Count.ShouldBe(40);
    }

    [Fact]
    public async Task ConcurrentCreates_WithOneIdempotencyKey_MakeOneJob()
    {
        var creates = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => _harness.CreateAsync(EmulatorHarness.Sonar, "q", idempotencyKey: "same")));

        var envelopes = await Task.WhenAll(creates);

        envelopes.Select(e => (string)e["id"]!).Distinct().ShouldHaveSingleItem();
        _harness.Emulator.Jobs.ShouldHaveSingleItem();
    }

    public void Dispose() => _harness.Dispose();
}
