using System.Net;
using System.Net.Http;
using System.Text;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Security;

/// <summary>
/// Drives one client through every path that reports something (success, 401, 422, 500 with retries, a protocol
/// error, a FAILED job, a create with a body), with a server that echoes the key everywhere it can, and searches
/// everything the SDK produced for the key: options and exception text, every log entry at every level (message,
/// state and exception), and every activity and metric tag.
/// </summary>
public sealed class KeyNeverLeaksTests
{
    private const string Key = "pplx-SECRET-0123456789abcdef";

    [Fact]
    public async Task EveryPath_ServerEchoingTheKey_KeyAppearsInNoTextTheSdkProduces()
    {
        using var telemetry = new TelemetryCapture();
        using var logs = new CapturingLoggerProvider();
        var clock = new TestClock();
        var echo = $"received Authorization: Bearer {Key}";
        var failedJob = Api.EnvelopeJson("FAILED").Replace("\"status\":\"FAILED\"", $"\"status\":\"FAILED\",\"error_message\":\"{echo}\"", StringComparison.Ordinal);
        var handler = new ScriptedHandler(clock)
            .Then("COMPLETED")
            .Then(() => Json(HttpStatusCode.Unauthorized, $$$"""{"error":{"message":"{{{echo}}}","type":"invalid_api_key"}}"""))
            .Then(() => Json((HttpStatusCode)422, $$$"""{"detail":[{"loc":["body","{{{Key}}}"],"msg":"{{{echo}}}","type":"value_error"}]}"""))
            .Then(() => Json(HttpStatusCode.InternalServerError, $$$"""{"error":{"message":"{{{echo}}}"}}"""))
            .Then(() => Json(HttpStatusCode.InternalServerError, $$$"""{"error":{"message":"{{{echo}}}"}}"""))
            .Then(() => Json(HttpStatusCode.OK, $"<html>{echo}</html>"))
            .Then(() => Json(HttpStatusCode.OK, failedJob))
            .Then(() => Json(HttpStatusCode.OK, Api.EnvelopeJson("CREATED")));
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = Key,
            BaseAddress = new Uri("https://api.example.test/"),
            TimeProvider = clock,
            UseRetryJitter = false,
            MaxRetries = 1,
            LoggerFactory = logs,
        };
        using var client = new PerplexityAsyncClient(new HttpClient(handler), options);
        var texts = new List<string> { options.ToString()! };

        (await client.Sonar.GetAsync(Api.JobId)).Status.ShouldBe(AsyncProcessingStatus.Completed);
        texts.Add((await Should.ThrowAsync<PerplexityAuthenticationException>(clock.DriveAsync(client.Sonar.GetAsync(Api.JobId)))).ToString());
        texts.Add((await Should.ThrowAsync<PerplexityValidationException>(clock.DriveAsync(client.Sonar.GetAsync(Api.JobId)))).ToString());
        texts.Add((await Should.ThrowAsync<PerplexityServerException>(clock.DriveAsync(client.Sonar.GetAsync(Api.JobId)))).ToString());
        var protocol = await Should.ThrowAsync<PerplexityProtocolException>(clock.DriveAsync(client.Sonar.GetAsync(Api.JobId)));
        texts.Add(protocol.ToString());
        texts.Add(protocol.BodyExcerpt ?? string.Empty);
        var failed = await Should.ThrowAsync<PerplexityJobFailedException>(clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId)));
        texts.Add(failed.ToString());
        var created = await clock.DriveAsync(client.Sonar.CreateAsync(
            new ChatCompletionRequest { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("What is L2?")] }));
        created.Id.ShouldBe(Api.JobId);
        handler.Requests.Count.ShouldBe(8, "every scripted path ran");
        handler.Requests.ShouldAllBe(r => r.Headers["Authorization"] == "Bearer " + Key, "the key is sent, only to the API");

        texts.AddRange(logs.Entries.Select(e => e.ToString()));
        texts.AddRange(logs.Entries.SelectMany(e => e.State.Select(kv => $"{kv.Key}={kv.Value}")));
        texts.Add(logs.AllText);
        foreach (var activity in telemetry.Activities)
        {
            texts.Add(activity.DisplayName);
            texts.Add(activity.StatusDescription ?? string.Empty);
            texts.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
        }

        texts.AddRange(telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument}:{t.Key}={t.Value}")));

        logs.Entries.Count.ShouldBeGreaterThan(8, "the paths were logged");
        telemetry.Activities.Count.ShouldBeGreaterThan(0, "the paths were traced");
        texts.Where(t => t.Contains(Key, StringComparison.Ordinal)).ShouldBeEmpty();
        texts.ShouldContain(t => t.Contains("[REDACTED]", StringComparison.Ordinal), "the echoed key was seen and redacted");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
