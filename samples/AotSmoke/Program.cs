// NativeAOT smoke test: on the Agent API, create a run, get it, wait for it, cancel one and read the answer; on the
// async chat-completions routes, create a job, get it and wait for it; all through the SDK's source-generated JSON,
// Polly pipelines and typed errors, against the in-memory emulator on the real clock (no network, no key).
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
    AgentQueuedDuration = TimeSpan.FromMilliseconds(100),
    AgentFastDuration = TimeSpan.FromMilliseconds(400),
    AgentHighDuration = TimeSpan.FromSeconds(30),
});
using var client = emulator.CreateClient();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = timeout.Token;

try
{
    // The Agent API: a background run, polled to its end.
    var runPolling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) };
    AgentResponse run = await client.Agent.CreateAsync(
        new AgentRequest
        {
            Preset = AgentPreset.Fast,
            Input = "How do heat pumps work?",
            Tools = [new AgentWebSearchTool { MaxResults = 5 }],
            Reasoning = new AgentReasoning { Effort = AgentReasoningEffort.Low },
        },
        ct);
    Require(run.Status == AgentResponseStatus.Queued, $"agent create returned {run.Status}, expected queued");
    Console.WriteLine($"agent run {run.Id} ({run.Model}): {run.Status}");
    AgentResponse seen = await client.Agent.GetAsync(run.Id, ct);
    Require(seen.Id == run.Id, $"agent get returned {seen.Id}, expected {run.Id}");
    AgentResponse finished = await client.Agent.WaitForCompletionAsync(run.Id, runPolling, ct);
    Require(finished.Status == AgentResponseStatus.Completed && finished.OutputText.Length > 0, $"agent wait ended with {finished.Status}");
    Console.WriteLine($"agent answer: {finished.OutputText.Length} chars, {finished.SearchResults.Count} sources, cost {finished.Usage?.Cost?.TotalCost}");
    Require(PerplexityJson.Deserialize<AgentResponse>(PerplexityJson.Serialize(finished)).Id == run.Id, "the Agent response did not round-trip");

    // A cancelled run is a typed exception carrying the response.
    AgentResponse slow = await client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.High, Input = "A long question" }, ct);
    await client.Agent.CancelAsync(slow.Id, ct);
    try
    {
        await client.Agent.WaitForCompletionAsync(slow.Id, runPolling, ct);
        Require(false, "a cancelled run did not throw");
    }
    catch (PerplexityRunCancelledException ex)
    {
        Console.WriteLine($"cancelled run: {ex.Response.Status} ({ex.GetType().Name})");
    }

    // The async chat-completions routes.
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
