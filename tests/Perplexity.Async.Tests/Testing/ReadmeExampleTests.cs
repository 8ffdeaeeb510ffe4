using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

/// <summary>The emulator snippets of the README and of docs/async-chat-completions.md, run as written.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task AgentRunOnAFakeClock_RunsAsTheReadmeWritesIt()
    {
        var time = new FakeTimeProvider();
        var emulator = new PerplexityEmulator(time);
        using var client = emulator.CreateClient();

        emulator.Script.ForAnyAgentRun().Fail("the model gave up", "model_error", "upstream_failed");
        Task<AgentResponse> wait = client.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "Hi" }, CancellationToken.None);
        while (!wait.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        (await Should.ThrowAsync<PerplexityRunFailedException>(wait)).ErrorMessage.ShouldBe("the model gave up");
    }

    [Fact]
    public async Task QuickStart_RunsAsDocumented()
    {
        var time = new FakeTimeProvider();
        var emulator = new PerplexityEmulator(time);
        using var client = emulator.CreateClient();

        EmulatedJob job = emulator.AddJob("How do heat pumps work?");
        time.Advance(TimeSpan.FromSeconds(4));

        var result = await client.Sonar.GetAsync(job.Id);
        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        result.Response!.Text.ShouldNotBeNull().ShouldContain("heat pumps");
    }

    [Fact]
    public async Task ScriptsFaultsAndRecording_RunAsDocumented()
    {
        var time = new FakeTimeProvider();
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
        {
            TimeProvider = time,
            RunningDuration = TimeSpan.FromMinutes(3),
            ApiKey = "pplx-test",
        });
        using var client = emulator.CreateClient();

        emulator.Script.ForPrompt("What is the boiling point of water?")
            .CompleteWith(PerplexityModelFactory.CompletionResponse(text: "100 °C at sea level [1].",
                citations: ["https://en.wikipedia.org/wiki/Boiling_point"]));
        emulator.Script.ForPrompt(p => p.Contains("outage")).FailWith("upstream model unavailable");
        emulator.Script.ForPrompt("stuck").NeverFinish();

        emulator.Faults
            .Next(2).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(5))
            .Next(1, HttpMethod.Get).FailConnection();

        // The code under test: here, a caller that retries transient errors itself. Time is advanced while it
        // waits, so this holds whether or not the SDK also retries internally.
        var job = emulator.AddJob("What is the boiling point of water?");
        time.Advance(TimeSpan.FromMinutes(4));
        AsyncApiChatCompletionsResponse? result = null;
        for (var attempt = 0; result is null; attempt++)
        {
            try
            {
                result = await AdvanceUntilDone(time, client.Sonar.GetAsync(job.Id));
            }
            catch (PerplexityException) when (attempt < 5)
            {
            }
        }

        result.Response!.Text.ShouldBe("100 °C at sea level [1].");
        emulator.Faults.Pending.ShouldBe(0);
        emulator.Requests.Count(r => r.StatusCode == (HttpStatusCode)429).ShouldBe(2);
        emulator.Requests[^1].StatusCode.ShouldBe(HttpStatusCode.OK);
        emulator.Requests[^1].Header("Authorization").ShouldBe("Bearer pplx-test");
    }

    // The SDK's retry delays are timers on this clock, and it may reach the next one on another thread after a burst
    // of advances: keep advancing until the call ends (a count-bounded loop could stop first and then wait forever).
    private static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider time, Task<T> task)
    {
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (realTime.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The SDK call did not end within 30 s of real time.");
            }

            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        return await task;
    }
}
