using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

/// <summary>An emulator on a fake clock, with a raw HTTP client that sends the test key.</summary>
internal sealed class EmulatorHarness : IDisposable
{
    public const string ApiKey = "pplx-test-key";
    public const string Sonar = "v1/async/sonar";
    public const string Legacy = "async/chat/completions";

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public EmulatorHarness(Action<PerplexityEmulatorOptions>? configure = null)
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

    public static JsonObject CreateBody(string prompt, string model = "sonar-deep-research", string? idempotencyKey = null, JsonObject? extra = null)
    {
        var request = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "Be precise." },
                new JsonObject { ["role"] = "user", ["content"] = prompt }),
        };
        foreach (var property in extra?.ToList() ?? [])
        {
            request[property.Key] = property.Value?.DeepClone();
        }

        var body = new JsonObject { ["request"] = request };
        if (idempotencyKey is not null)
        {
            body["idempotency_key"] = idempotencyKey;
        }

        return body;
    }

    /// <summary>Creates a job with a raw POST and returns the envelope; fails the test on a non-200 answer.</summary>
    public async Task<JsonObject> CreateAsync(string route, string prompt, string model = "sonar-deep-research", string? idempotencyKey = null, JsonObject? extra = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, route, CreateBody(prompt, model, idempotencyKey, extra).ToJsonString());
        status.ShouldBe(HttpStatusCode.OK, json?.ToJsonString());
        return json!.AsObject();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode?> GetJsonAsync(string path)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, path);
        status.ShouldBe(HttpStatusCode.OK, json?.ToJsonString());
        return json;
    }

    public void Dispose() => Http.Dispose();
}
