// NativeAOT smoke test: create a job, get it, wait for it and read the answer, all through the SDK's source-generated
// JSON, Polly pipelines and typed errors, against the in-memory emulator on the real clock (no network, no key).
// Exits 0 when the answer arrives; any other outcome prints why and exits 1.
using System;
using System.Diagnostics;
using System.Threading;
using Perplexity.Async;
using Perplexity.Async.Testing;

var stopwatch = Stopwatch.StartNew();
var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
{
    TimeProvider = TimeProvider.System,
    QueuedDuration = TimeSpan.FromMilliseconds(100),
    RunningDuration = TimeSpan.FromMilliseconds(300),
});
using var client = emulator.CreateClient();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = timeout.Token;

try
{
    AsyncApiChatCompletionsResponse created = await client.Sonar.CreateAsync(
        new ChatCompletionRequest
        {
            Model = "sonar-deep-research",
            Messages = [ChatRequestMessage.System("Be precise; cite sources."), ChatRequestMessage.User("How do heat pumps work?")],
            ReasoningEffort = ReasoningEffort.Low,
            WebSearchOptions = new WebSearchOptions { SearchContextSize = SearchContextSize.Medium },
        },
        ct);
    Require(created.Status == AsyncProcessingStatus.Created, $"create returned {created.Status}, expected CREATED");
    Console.WriteLine($"created {created.Id} ({created.Model}): {created.Status}");

    AsyncApiChatCompletionsResponse got = await client.Sonar.GetAsync(created.Id, ct);
    Require(got.Id == created.Id, $"get returned job {got.Id}, expected {created.Id}");
    Console.WriteLine($"get: {got.Status}");

    var polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) };
    AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(created.Id, polling, ct);
    Require(done.Status == AsyncProcessingStatus.Completed, $"wait ended with {done.Status}, expected COMPLETED");
    string text = done.Response?.Text ?? string.Empty;
    Require(text.Length > 0, "the completed job has no answer text");
    Console.WriteLine($"answer ({text.Length} chars, {done.Response!.Citations?.Count ?? 0} citations, cost {done.Response.Usage?.Cost?.TotalCost}):");
    Console.WriteLine(text.Length > 200 ? text[..200] + "…" : text);

    // The same envelope written back through the source-generated context: no reflection-based serialization.
    string json = PerplexityJson.Serialize(done);
    Require(PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json).Id == done.Id, "the envelope did not round-trip");

    // Typed errors: an unknown id is a 404 with its parsed body.
    try
    {
        await client.ChatCompletions.GetAsync("no-such-job", ct);
        Require(false, "an unknown id did not throw");
    }
    catch (PerplexityNotFoundException ex)
    {
        Console.WriteLine($"unknown id: {(int)ex.StatusCode} {ex.GetType().Name}");
    }

    Console.WriteLine($"AOT smoke passed in {stopwatch.ElapsedMilliseconds} ms");
    return 0;
}
catch (Exception ex) when (ex is PerplexityException or OperationCanceledException or InvalidOperationException)
{
    Console.Error.WriteLine($"AOT smoke failed: {ex}");
    return 1;
}

static void Require(bool condition, string problem)
{
    if (!condition)
    {
        throw new InvalidOperationException(problem);
    }
}
