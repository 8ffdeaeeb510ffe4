using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Sonar;

/// <summary>Create and list end to end against the emulator, which dedupes creates by idempotency key.</summary>
public sealed class CreateWithEmulatorTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly PerplexityEmulator _emulator;

    public CreateWithEmulatorTests() => _emulator = new PerplexityEmulator(_clock);

    private static ChatCompletionRequest NewRequest(string prompt = "How do heat pumps work?") => new()
    {
        Model = "sonar-deep-research",
        Messages = [ChatRequestMessage.User(prompt)],
    };

    [Fact]
    public async Task CreateAsync_FirstAttemptGets503_RetriesAndStartsOneJob()
    {
        _emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.ServiceUnavailable);
        using var client = CreateSut();

        var job = await _clock.DriveAsync(client.Sonar.CreateAsync(NewRequest()));

        _emulator.Jobs.ShouldHaveSingleItem().Id.ShouldBe(job.Id);
        var posts = _emulator.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        posts.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        posts.Select(r => KeyOf(r.Body!)).Distinct().ShouldHaveSingleItem().ShouldBe(_emulator.Jobs[0].IdempotencyKey);
    }

    [Fact]
    public async Task CreateAsync_SameCallerKeyTwice_ReturnsTheSameJob()
    {
        using var client = CreateSut();
        var options = new AsyncCreateOptions { IdempotencyKey = "order-42" };

        var first = await client.Sonar.CreateAsync(NewRequest(), options);
        var second = await client.ChatCompletions.CreateAsync(NewRequest(), options);

        second.Id.ShouldBe(first.Id);
        _emulator.Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateThenListAsync_ThreeJobs_ListsEachOnceAcrossPages()
    {
        using var client = CreateSut();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await client.Sonar.CreateAsync(NewRequest("question " + i))).Id);
        }

        var listed = new List<AsyncChatCompletionSummary>();
        await foreach (var job in client.Sonar.ListAsync(limit: 2))
        {
            listed.Add(job);
        }

        listed.Select(j => j.Id).OrderBy(id => id, StringComparer.Ordinal).ShouldBe(created.OrderBy(id => id, StringComparer.Ordinal));
        listed.ShouldAllBe(j => j.Model == "sonar-deep-research");
        _emulator.Requests.Count(r => r.Method == HttpMethod.Get).ShouldBe(2);
    }

    // The emulator answers in memory and marks no requests, so the clock must not take the request-timeout timer
    // (made as each call starts) for a retry delay; jitter off makes the delay exact.
    private PerplexityAsyncClient CreateSut() =>
        _emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test",
            BaseAddress = _emulator.BaseAddress,
            TimeProvider = _clock,
            RequestTimeout = null,
            UseRetryJitter = false,
        });

    public void Dispose() => _emulator.Dispose();

    private static string KeyOf(string body) => JsonNode.Parse(body)!["idempotency_key"]!.GetValue<string>();
}
