using System.IO;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Reads the JSON fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static readonly string[] All =
    [
        "legacy-reference-example.json",
        "sonar-reference-example.json",
        "created.json",
        "failed.json",
        "deep-research-completed.json",
        "content-chunks.json",
        "sonar-images.json",
        "unknown-values.json",
    ];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static AsyncApiChatCompletionsResponse Envelope(string name) =>
        PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(Read(name));
}
