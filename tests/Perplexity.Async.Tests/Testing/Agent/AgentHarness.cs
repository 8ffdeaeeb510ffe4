using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing.Agent;

/// <summary>
/// An emulator on a fake clock with a raw HTTP client for the Agent routes, and helpers that read event streams by
/// advancing the clock while a read is pending (the way a test drives a streamed run without sleeping).
/// </summary>
internal sealed class AgentHarness : IDisposable
{
    public const string ApiKey = "pplx-test-key";
    public const string Agent = "v1/agent";
    public const string Responses = "v1/responses";

    public static readonly DateTimeOffset Start = new(2026, 10, 9, 19, 8, 55, TimeSpan.Zero);

    public AgentHarness(Action<PerplexityEmulatorOptions>? configure = null)
    {
        var options = new PerplexityEmulatorOptions { TimeProvider = Time };
        configure?.Invoke(options);
        Emulator = new PerplexityEmulator(options);
        Http = Emulator.CreateHttpClient();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public PerplexityEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static JsonObject Body(string prompt = "How do heat pumps work?", string? preset = "medium", string? model = null, bool background = true, bool stream = false)
    {
        var body = new JsonObject { ["input"] = prompt };
        if (preset is not null)
        {
            body["preset"] = preset;
        }

        if (model is not null)
        {
            body["model"] = model;
        }

        if (background)
        {
            body["background"] = true;
        }

        if (stream)
        {
            body["stream"] = true;
        }

        return body;
    }

    public async Task<AgentAnswer> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new AgentAnswer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers, response.Content.Headers);
    }

    public Task<AgentAnswer> PostAsync(string path, JsonObject body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<AgentAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>Creates a background run and returns its envelope; fails the test on a non-200 answer.</summary>
    public async Task<JsonObject> CreateAsync(JsonObject? body = null, string route = Responses)
    {
        var answer = await PostAsync(route, body ?? Body());
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Json?.ToJsonString());
        return answer.Json!.AsObject();
    }

    public async Task<JsonObject> SnapshotAsync(string id, string route = Responses)
    {
        var answer = await GetAsync($"{route}/{id}");
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Json?.ToJsonString());
        return answer.Json!.AsObject();
    }

    /// <summary>Sends a request whose answer is an event stream, reading only the headers.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(HttpMethod method, string path, JsonObject? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>
    /// Reads events with <see cref="SseParser"/> until the stream ends: whenever a read is pending, advances the clock by
    /// <paramref name="step"/> (at most <paramref name="maxSteps"/> times per event), so the stream progresses.
    /// </summary>
    public async Task<List<JsonObject>> ReadEventsAsync(HttpResponseMessage response, TimeSpan? step = null, int maxSteps = 100_000)
    {
        var events = new List<JsonObject>();
        await foreach (var item in EnumerateAsync(await response.Content.ReadAsStreamAsync(), step ?? TimeSpan.FromMilliseconds(250), maxSteps))
        {
            events.Add(JsonNode.Parse(item.Data)!.AsObject());
        }

        return events;
    }

    /// <summary>Reads the raw body text to its end, advancing the clock while a read is pending.</summary>
    public async Task<string> ReadTextAsync(HttpResponseMessage response, TimeSpan? step = null)
    {
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var n = await PumpAsync(stream.ReadAsync(buffer), step ?? TimeSpan.FromMilliseconds(250), 100_000);
            if (n == 0)
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }

            text.Write(buffer, 0, n);
        }
    }

    public async IAsyncEnumerable<SseItem<string>> EnumerateAsync(Stream stream, TimeSpan step, int maxSteps)
    {
        var enumerator = SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
        try
        {
            while (await PumpAsync(enumerator.MoveNextAsync(), step, maxSteps).ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Advances the clock by <paramref name="step"/> until <paramref name="pending"/> completes (or the step budget runs
    /// out). The clock is advanced on a thread-pool thread: there, with no synchronization context, the timer callbacks
    /// that <see cref="FakeTimeProvider.Advance"/> runs resume the waiting read inline, so the read has completed by the
    /// time the advance returns. (Advanced on xUnit's thread, the continuations would be queued and the loop would run
    /// ahead of the stream.)
    /// </summary>
    public async Task<T> PumpAsync<T>(ValueTask<T> pending, TimeSpan step, int maxSteps)
    {
        for (var i = 0; !pending.IsCompleted && i < maxSteps; i++)
        {
            await AdvanceAsync(step).ConfigureAwait(false);
        }

        return await pending.ConfigureAwait(false);
    }

    /// <summary>Advances the clock from a thread without a synchronization context (see <see cref="PumpAsync"/>).</summary>
    public Task AdvanceAsync(TimeSpan step) => Task.Run(() => Time.Advance(step));

    /// <summary>
    /// The exception <paramref name="action"/> throws, when it is a <typeparamref name="T"/> (or derives from it); fails
    /// otherwise. Shouldly's ThrowAsync re-creates the exception of a cancelled task, so it is caught directly.
    /// </summary>
    public static async Task<T> CatchAsync<T>(Func<Task> action)
        where T : Exception
    {
        try
        {
            await action();
        }
        catch (T expected)
        {
            return expected;
        }

        throw new ShouldAssertException($"Expected a {typeof(T).Name}, but nothing was thrown.");
    }

    public void Dispose() => Http.Dispose();
}
