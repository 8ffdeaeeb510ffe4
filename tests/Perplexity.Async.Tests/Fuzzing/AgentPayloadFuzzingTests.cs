using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of every Agent API fixture and stream event, read with the SDK's models: each must end in a model
/// whose conveniences work, or in a <see cref="JsonException"/>; anything else (a NullReferenceException, an
/// InvalidCastException, …) is a bug, reported with the seed, the mutation index and the payload so it can be replayed.
/// </summary>
public sealed class AgentPayloadFuzzingTests
{
    private const int Seed = 20261009;
    private const int MutationsPerPayload = 400;

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(""), JsonValue.Create("💥"), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true),
        JsonValue.Create(long.MaxValue), new JsonArray(), new JsonArray((JsonNode?)null), new JsonObject(),
        new JsonObject { ["type"] = "brand_new" }, JsonValue.Create("cancelled"),
    ];

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var name in AgentFixture.Responses)
        {
            data.Add(name);
        }

        data.Add("stream-events.txt");
        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_MutatedPayload_EndsInAModelOrAJsonException(string name)
    {
        var originals = name.EndsWith(".txt", StringComparison.Ordinal) ? AgentFixture.StreamEvents() : [AgentFixture.Read(name)];
        var random = new Random(Seed);
        for (var i = 0; i < MutationsPerPayload; i++)
        {
            var original = originals[i % originals.Count];
            var mutated = Mutate(JsonNode.Parse(original)!, random);
            try
            {
                if (name.EndsWith(".txt", StringComparison.Ordinal))
                {
                    Touch(PerplexityJson.Deserialize<AgentStreamEvent>(mutated));
                }
                else
                {
                    Touch(PerplexityJson.Deserialize<AgentResponse>(mutated));
                }
            }
            catch (JsonException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"Seed {Seed}, {name}, mutation {i}: {ex.GetType().Name}: {ex.Message}\n{mutated}");
            }
        }
    }

    private static void Touch(AgentStreamEvent e)
    {
        _ = e.IsTerminal;
        _ = e.ToString();
        _ = PerplexityJson.Serialize(e);
        if (e is AgentResponseSnapshotEvent { Response: { } response })
        {
            Touch(response);
        }
    }

    private static void Touch(AgentResponse response)
    {
        _ = response.OutputText;
        _ = response.SearchResults.Count;
        _ = response.FunctionCalls.Count;
        _ = response.Status.IsTerminal;
        _ = response.ToString();
        _ = PerplexityJson.Serialize(response);
    }

    private static string Mutate(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
        switch (target.Parent)
        {
            case JsonObject parent:
                var key = parent.First(p => ReferenceEquals(p.Value, target)).Key;
                if (random.Next(4) == 0)
                {
                    parent.Remove(key);
                }
                else
                {
                    parent[key] = replacement;
                }

                break;
            case JsonArray array:
                array[array.IndexOf(target)] = replacement;
                break;
            default:
                return replacement?.ToJsonString() ?? "null";
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }
}
