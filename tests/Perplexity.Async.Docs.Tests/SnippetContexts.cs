namespace Perplexity.Async.Docs.Tests;

/// <summary>
/// The contexts a snippet can name with a <c>&lt;!-- snippet: name --&gt;</c> comment above it, so the docs can show the
/// lines that matter without repeating the set-up. A snippet still writes every <c>using</c> beyond the implicit ones of
/// its project template (<c>dotnet new console</c>, or <c>dotnet new web</c> for the web contexts).
/// </summary>
public static class SnippetContexts
{
    /// <summary>A snippet without a context comment: a console app's <c>Program.cs</c>, as pasted.</summary>
    public static readonly SnippetContext None = new("", Web: false);

    /// <summary>The usings <c>Microsoft.NET.Sdk</c> adds with <c>ImplicitUsings</c> (on in <c>dotnet new console</c>).</summary>
    public static readonly string[] ConsoleImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>What <c>Microsoft.NET.Sdk.Web</c> adds on top of <see cref="ConsoleImplicitUsings"/>.</summary>
    public static readonly string[] WebImplicitUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>The named contexts.</summary>
    public static readonly IReadOnlyDictionary<string, SnippetContext> Named = new Dictionary<string, SnippetContext>(StringComparer.Ordinal)
    {
        // A client and a token, as after the Quick start, and the id of a run created earlier.
        ["client"] = new("""
            var client = new global::Perplexity.Async.PerplexityAsyncClient("pplx-docs");
            var ct = global::System.Threading.CancellationToken.None;
            string runId = "resp_docs";
            """, Web: false),
        // Program.cs of an ASP.NET Core app, before builder.Build().
        ["web"] = new("""
            var builder = global::Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            """, Web: true),
        // The legacy guide (docs/async-chat-completions.md): a client, a token, a job id and what its examples use.
        ["legacy"] = new("""
            var builder = global::Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
            var services = builder.Services;
            var client = new global::Perplexity.Async.PerplexityAsyncClient("pplx-docs");
            var ct = global::System.Threading.CancellationToken.None;
            string requestId = "req_docs";
            string apiKey = "pplx-docs";
            string? saved = null;
            string[] questions = ["How do heat pumps work?"];
            static global::Perplexity.Async.ChatCompletionRequest Ask(string question) => new()
            {
                Model = "sonar-deep-research",
                Messages = [global::Perplexity.Async.ChatRequestMessage.User(question)],
            };
            """, Web: true),
        // The legacy guide's streaming example: a chat client over the legacy route and a question.
        ["legacy-chat"] = new("""
            var client = new global::Perplexity.Async.PerplexityAsyncClient("pplx-docs");
            global::Microsoft.Extensions.AI.IChatClient chat = global::Perplexity.Async.PerplexityAsyncChatClientExtensions.AsIChatClient(client);
            string question = "How do heat pumps work?";
            """, Web: false),
        // The legacy guide's emulator examples, after its first one (an emulator on a fake clock, a job, a token).
        ["legacy-emulator"] = new("""
            var time = new global::Microsoft.Extensions.Time.Testing.FakeTimeProvider();
            var emulator = new global::Perplexity.Async.Testing.PerplexityEmulator(time);
            var job = emulator.AddJob("How do heat pumps work?");
            var services = new global::Microsoft.Extensions.DependencyInjection.ServiceCollection();
            var ct = global::System.Threading.CancellationToken.None;
            """, Web: false),
    };

    /// <summary>The context named <paramref name="name"/>, or <see cref="None"/> for null.</summary>
    /// <exception cref="ArgumentException">No context has that name.</exception>
    public static SnippetContext Get(string? name) =>
        name is null ? None
        : Named.TryGetValue(name, out var context) ? context
        : throw new ArgumentException($"unknown snippet context '{name}'; known: {string.Join(", ", Named.Keys)}.", nameof(name));
}
