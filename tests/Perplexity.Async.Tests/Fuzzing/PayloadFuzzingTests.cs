using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of every fixture, sent through the whole HTTP path (an in-memory handler, no retries): each one
/// must end in a parsed job or a <see cref="PerplexityException"/>; anything else is a bug, reported with the seed,
/// the mutation index and the payload so it can be replayed.
/// </summary>
public sealed class PayloadFuzzingTests
{
    private const int Seed = 20251123;
    private const int MutationsPerFixture = 1300;

    private static readonly string[] UnknownStrings =
        ["", " ", "WEIRD_STATUS", "completed", "null", "0", "\u0000", "\uD800", "💥", new string('x', 5000), "-1", "true"];

    private static readonly string[] NumberTexts =
        ["1e400", "-1e400", "99999999999999999999999999999", "-9223372036854775809", "18446744073709551616", "1.5", "-1", "0",
         "4294967296", "2147483648", "-0", "1E+308", "0.0000000000000000000001", "253402300800", "-62135596801"];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Fixtures_AreAllFuzzed()
    {
        // Guards the theory below: a new fixture is picked up without editing this file, and there are enough mutations.
        var count = Fixtures().Count;
        count.ShouldBeGreaterThanOrEqualTo(Fixture.All.Length + 1);
        (count * MutationsPerFixture).ShouldBeGreaterThanOrEqualTo(10_000);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task GetAsync_MutatedFixture_ParsesOrThrowsPerplexityException(string fixture)
    {
        var original = Encoding.UTF8.GetBytes(Fixture.Read(fixture));
        var status = fixture.Contains("422", StringComparison.Ordinal) ? (HttpStatusCode)422 : HttpStatusCode.OK;
        var random = new Random(Seed ^ Stable(fixture));
        var handler = new BytesHandler(status);
        using var httpClient = new HttpClient(handler);
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-fuzz",
            BaseAddress = new Uri("https://api.example.test/"),
            MaxRetries = 0,
            RequestTimeout = null,
        });
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var index = 0; index < MutationsPerFixture; index++)
        {
            var (kind, payload) = Mutate(original, random);
            handler.Body = payload;
            string outcome;
            try
            {
                var job = await client.Sonar.GetAsync("job-1", CancellationToken.None);
                Touch(job);
                outcome = "parsed";
            }
            catch (PerplexityException ex)
            {
                outcome = ex.GetType().Name;
            }
#pragma warning disable CA1031 // Any other exception is the finding.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcome = "BUG " + ex.GetType().Name;
                if (failures.Count < 5)
                {
                    failures.Add($"seed {Seed}, fixture {fixture}, index {index}, mutation {kind}: {ex}\npayload (base64): {Convert.ToBase64String(payload)}\npayload (text): {Shorten(Encoding.UTF8.GetString(payload))}");
                }
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        failures.ShouldBeEmpty(string.Join("\n\n", failures) + "\noutcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
        outcomes.Keys.ShouldContain(k => k != "parsed", "some mutations must be refused, or the fuzzer mutates nothing");
    }

    private static int Stable(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>Reads what a caller would read, so lazily computed members are exercised too.</summary>
    private static void Touch(AsyncApiChatCompletionsResponse job)
    {
        _ = job.ToString();
        _ = PerplexityJson.Serialize(job);
        foreach (var choice in job.Response?.Choices ?? [])
        {
            _ = choice.Message?.Content?.ToString();
        }
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    private static (string Kind, byte[] Payload) Mutate(byte[] original, Random random)
    {
        var kind = random.Next(10);
        switch (kind)
        {
            case 0:
                return ("truncate", original[..random.Next(original.Length)]);
            case 1:
                return ("invalid-utf8", InsertInvalidUtf8(original, random));
            case 2:
                var flipped = (byte[])original.Clone();
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return ("flip-bytes", flipped);
            default:
                var root = JsonNode.Parse(original)!;
                var steps = random.Next(1, 4);
                var names = new List<string>();
                for (var i = 0; i < steps; i++)
                {
                    names.Add(MutateTree(ref root, random));
                }

                return (string.Join("+", names), Encoding.UTF8.GetBytes(root?.ToJsonString() ?? "null"));
        }
    }

    private static byte[] InsertInvalidUtf8(byte[] original, Random random)
    {
        byte[][] sequences = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]];
        var insert = sequences[random.Next(sequences.Length)];
        // Prefer the inside of a string value: after a quote.
        var quotes = original.Select((b, i) => (b, i)).Where(t => t.b == (byte)'"').Select(t => t.i + 1).ToArray();
        var at = quotes.Length > 0 ? quotes[random.Next(quotes.Length)] : random.Next(original.Length);
        return [.. original[..at], .. insert, .. original[at..]];
    }

    private static string MutateTree(ref JsonNode? root, Random random)
    {
        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            root = Replacement(random, null);
            return "replace-root";
        }

        var (parent, name, index) = slots[random.Next(slots.Count)];
        var current = name is not null ? parent[name] : parent[index];
        var op = random.Next(7);
        switch (op)
        {
            case 0 when name is not null:
                parent.AsObject().Remove(name);
                return "drop:" + name;
            case 1:
                Set(parent, name, index, null);
                return "null:" + (name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case 2:
                Set(parent, name, index, JsonValue.Create(UnknownStrings[random.Next(UnknownStrings.Length)]));
                return "unknown-string:" + name;
            case 3:
                Set(parent, name, index, JsonNode.Parse(NumberTexts[random.Next(NumberTexts.Length)]));
                return "number:" + name;
            case 4:
                Set(parent, name, index, Deep(random.Next(2) == 0, random.Next(10, 400)));
                return "deep:" + name;
            case 5 when name is not null:
                parent.AsObject()["x_unknown_" + random.Next(100)] = current?.DeepClone() ?? JsonValue.Create(1);
                return "extra-property";
            default:
                Set(parent, name, index, Replacement(random, current));
                return "swap-type:" + name;
        }
    }

    private static JsonNode? Replacement(Random random, JsonNode? current) => random.Next(7) switch
    {
        0 => JsonValue.Create(true),
        1 => JsonValue.Create(42),
        2 => JsonValue.Create("text"),
        3 => new JsonArray(current?.DeepClone(), JsonValue.Create(1)),
        4 => new JsonObject { ["value"] = current?.DeepClone() },
        5 => new JsonArray(),
        _ => new JsonObject(),
    };

    private static JsonNode Deep(bool arrays, int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = arrays ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key, -1));
                    Collect(child, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }

    private sealed class BytesHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public byte[] Body { get; set; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }
}
