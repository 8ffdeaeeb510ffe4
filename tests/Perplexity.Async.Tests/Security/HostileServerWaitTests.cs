using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.AI;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.ExtensionsAI;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Security;

/// <summary>
/// Waits against a server that echoes the API key in what it sends back (error messages, statuses, models, ids) or
/// answers for another job than the one asked: nothing the SDK says may repeat the key, and no foreign answer is taken.
/// </summary>
public sealed class HostileServerWaitTests : IDisposable
{
    private const string Key = "pplx-hostile-0123456789abcdefghijklmnopqrstuvwxyzABCD";

    private readonly TestClock _clock = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly PerplexityEmulator _emulator;
    private readonly List<IDisposable> _disposables = [];

    public HostileServerWaitTests() => _emulator = new PerplexityEmulator(_clock);

    [Fact]
    public async Task WaitForAllAsync_FailedJobEchoesTheKey_JobsFailedMessageIsRedacted()
    {
        _emulator.Script.ForAnyJob().FailWith($"upstream refused key {Key}");
        var client = CreateSut();
        var job = await _clock.DriveAsync(client.Sonar.CreateAsync(Request(), CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityJobsFailedException>(
            _clock.DriveAsync(client.Sonar.WaitForAllAsync([job.Id], Exact(), CancellationToken.None)));

        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("upstream refused key [REDACTED]");
        ex.FailedJobs.ShouldHaveSingleItem().ErrorMessage!.ShouldContain(Key, customMessage: "the envelope keeps the server's data as sent");
        _logs.AllText.ShouldNotContain(Key);
    }

    [Fact]
    public async Task ChatClientBackgroundCheck_FailedJobEchoesTheKey_ExceptionIsRedacted()
    {
        _emulator.Script.ForAnyJob().FailWith($"upstream refused key {Key}");
        var chat = CreateSut().AsIChatClient(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar });
        var started = await _clock.DriveAsync(chat.GetResponseAsync("Why?", new ChatOptions { AllowBackgroundResponses = true }));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var ex = await Should.ThrowAsync<PerplexityJobFailedException>(
            _clock.DriveAsync(chat.GetResponseAsync([], new ChatOptions { ContinuationToken = started.ContinuationToken })));

        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("[REDACTED]");
    }

    [Fact]
    public async Task ChatClientStreaming_FailedJobEchoesTheKey_ExceptionIsRedacted()
    {
        _emulator.Script.ForAnyJob().FailWith($"upstream refused key {Key}");
        var chat = CreateSut(polling: Exact()).AsIChatClient(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar });

        var ex = await Should.ThrowAsync<PerplexityJobFailedException>(
            _clock.DriveAsync(ChatClientHarness.CollectAsync(chat.GetStreamingResponseAsync("Why?"))));

        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("[REDACTED]");
    }

    [Fact]
    public async Task WaitForCompletionAsync_StatusEchoesTheKey_TimeoutMessageLogsTagsAndMetricsAreRedacted()
    {
        var handler = new ScriptedHandler(_clock).Then(() => Api.Json(Api.EnvelopeJson("RUNNING " + Key)));
        var client = CreateSut(handler);

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.Timeout = TimeSpan.FromSeconds(10)), CancellationToken.None)));

        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("RUNNING [REDACTED]");
        _logs.AllText.ShouldNotContain(Key);
        _telemetry.Measurements.ShouldNotContain(m => m.Tags.Values.OfType<string>().Any(v => v.Contains(Key)));
        _telemetry.Activities.SelectMany(a => a.TagObjects).Select(t => t.Value).OfType<string>().ShouldNotContain(v => v.Contains(Key));
    }

    [Fact]
    public async Task WaitForCompletionAsync_ModelEchoesTheKey_GenAiTagsAreRedacted()
    {
        var completed = Api.EnvelopeJson("COMPLETED", withResponse: true).Replace("\"model\":\"", "\"model\":\"" + Key, StringComparison.Ordinal);
        var client = CreateSut(new ScriptedHandler(_clock).Then(() => Api.Json(completed)));

        var done = await _clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        done.Model.ShouldStartWith(Key, customMessage: "the envelope keeps the server's data as sent");
        _telemetry.Measurements.ShouldNotContain(m => m.Tags.Values.OfType<string>().Any(v => v.Contains(Key)));
        _telemetry.Activities.SelectMany(a => a.TagObjects).Select(t => t.Value).OfType<string>().ShouldNotContain(v => v.Contains(Key));
    }

    [Fact]
    public async Task RunAsync_CreatedIdEchoesTheKeyAndThenIsUnknown_NotFoundMessageIsRedacted()
    {
        var created = Api.EnvelopeJson("CREATED").Replace(Api.JobId, "job-" + Key, StringComparison.Ordinal);
        var handler = new ScriptedHandler(_clock)
            .Then(() => Api.Json(created))
            .Then(() => Api.Json("""{"detail":"Not Found"}""", HttpStatusCode.NotFound));
        var client = CreateSut(handler);

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            _clock.DriveAsync(client.Sonar.RunAsync(Request(), Exact(), CancellationToken.None)));

        ex.Message.ShouldNotContain(Key);
        ex.Message.ShouldContain("job-[REDACTED]");
    }

    [Fact]
    public async Task GetAsync_AnswerForAnotherJob_IsAProtocolError()
    {
        var intruder = Api.EnvelopeJson("COMPLETED", withResponse: true).Replace(Api.JobId, "someone-elses-job", StringComparison.Ordinal);
        var client = CreateSut(new RawHandler(intruder));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("my-job", CancellationToken.None));

        ex.Message.ShouldContain("'my-job'");
        ex.Message.ShouldContain("'someone-elses-job'");
    }

    [Fact]
    public async Task WaitForCompletionAsync_AnswerForAnotherJob_NeverCompletesWithTheIntrudersAnswer()
    {
        var intruder = Api.EnvelopeJson("COMPLETED", withResponse: true).Replace(Api.JobId, "someone-elses-job", StringComparison.Ordinal);
        var client = CreateSut(new RawHandler(intruder));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(
            _clock.DriveAsync(client.Sonar.WaitForCompletionAsync("my-job", Exact(), CancellationToken.None)));

        ex.Message.ShouldContain("'someone-elses-job'");
    }

    [Fact]
    public async Task WaitForAllAsync_OneAnswerIsForAnotherJob_IsAProtocolErrorNotAResult()
    {
        var intruder = Api.EnvelopeJson("COMPLETED", withResponse: true).Replace(Api.JobId, "intruder", StringComparison.Ordinal);
        var client = CreateSut(new RawHandler(intruder));

        await Should.ThrowAsync<PerplexityProtocolException>(
            _clock.DriveAsync(client.Sonar.WaitForAllAsync(["a", "b"], Exact(), CancellationToken.None)));
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _telemetry.Dispose();
        _logs.Dispose();
    }

    private static PollingOptions Exact(Action<PollingOptions>? configure = null)
    {
        var polling = new PollingOptions { UseJitter = false };
        configure?.Invoke(polling);
        return polling;
    }

    private static ChatCompletionRequest Request() =>
        new() { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("Why is the sky blue?")] };

    private PerplexityAsyncClient CreateSut(HttpMessageHandler? handler = null, PollingOptions? polling = null)
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = Key,
            BaseAddress = _emulator.BaseAddress,
            TimeProvider = _clock,
            RequestTimeout = null,
            MaxRetries = 0,
            LoggerFactory = _logs,
            Polling = polling,
        };
        var client = handler is null ? _emulator.CreateClient(options) : new PerplexityAsyncClient(new HttpClient(handler), options);
        _disposables.Add(client);
        return client;
    }

    /// <summary>Answers every request with the same body, whatever it asked for (the list endpoint with 404: poll by id).</summary>
    private sealed class RawHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/sonar", StringComparison.Ordinal)
                ? Api.Json("""{"detail":"Not Found"}""", HttpStatusCode.NotFound)
                : Api.Json(body));
    }
}
