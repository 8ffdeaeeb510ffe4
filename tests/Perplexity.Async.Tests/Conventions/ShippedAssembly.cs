using System.Reflection;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>
/// A package's assembly as the convention tests see it: the namespace its public types live in, which of its
/// classes are deliberately classes (clients, options, handlers: everything else public must be an immutable model),
/// which clients must be mockable, and the JSON context whose types are wire models.
/// </summary>
public sealed record ShippedAssembly(
    Assembly Assembly,
    string Namespace,
    Type[] ServiceTypes,
    Type[] Clients,
    JsonSerializerContext? Json = null)
{
    public string Name => Assembly.GetName().Name!;

    public override string ToString() => Name;
}

/// <summary>Every assembly a package ships. A new package is one more line here.</summary>
public static class ShippedAssemblies
{
    public static IReadOnlyList<ShippedAssembly> All { get; } =
    [
        new(typeof(PerplexityAsyncClient).Assembly, "Perplexity.Async",
            ServiceTypes: [typeof(PerplexityAsyncClient), typeof(AsyncCompletionsClient), typeof(AgentClient), typeof(PerplexityAsyncClientOptions),
                typeof(PollingOptions), typeof(AsyncRequestOptions), typeof(AsyncCreateOptions), typeof(RequestBudgetOptions),
                typeof(AgentStreamingOptions), typeof(AgentResponseAccumulator)],
            Clients: [typeof(PerplexityAsyncClient), typeof(AsyncCompletionsClient), typeof(AgentClient)],
            Json: PerplexityJsonContext.Default),
        new(typeof(PerplexityEmulator).Assembly, "Perplexity.Async.Testing",
            ServiceTypes: [typeof(PerplexityEmulator), typeof(PerplexityEmulatorOptions), typeof(EmulatedJob), typeof(EmulatorFaults),
                typeof(FaultBuilder), typeof(EmulatorScript), typeof(JobScriptBuilder), typeof(RecordedRequest),
                typeof(EmulatedAgentRun), typeof(AgentRunScriptBuilder)],
            Clients: []),
        new(typeof(PerplexityAsyncChatClient).Assembly, "Perplexity.Async",
            ServiceTypes: [typeof(PerplexityAsyncChatClient), typeof(PerplexityAsyncChatClientOptions)],
            // The chat client is mocked through IChatClient, the interface every Microsoft.Extensions.AI user codes against.
            Clients: []),
        new(typeof(PerplexityHangfireOptions).Assembly, "Perplexity.Async",
            ServiceTypes: [typeof(PerplexityHangfireOptions)],
            // Runs start through Hangfire's IBackgroundJobClient, which users mock; the handler is the users' own.
            Clients: []),
    ];

    /// <summary>Exceptions users may derive from or catch as a family; every other exception is sealed.</summary>
    public static IReadOnlyList<Type> OpenExceptions { get; } = [typeof(PerplexityException), typeof(PerplexityApiException)];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var assembly in All)
            {
                data.Add(assembly.Name);
            }

            return data;
        }
    }

    public static ShippedAssembly Get(string name) => All.Single(a => a.Name == name);
}
