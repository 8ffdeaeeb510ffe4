using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Perplexity.Async;

namespace Snippets;

/// <summary>
/// dependency-injection: <c>AddPerplexityAsync</c> registers <see cref="PerplexityAsyncClient"/> as a typed client of
/// <c>IHttpClientFactory</c>. Without an API key the emulator becomes the primary handler, so the same app runs offline.
/// </summary>
internal static class WithDependencyInjection
{
    public static async Task RunAsync(SnippetBackend backend, TextWriter output, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // the SDK logs each job's status changes at Information

        // In your app, typically: builder.Services.AddPerplexityAsync(builder.Configuration.GetSection("Perplexity"));
        IHttpClientBuilder perplexity = builder.Services.AddPerplexityAsync(backend.Configure);
        if (backend.Emulator is { } emulator)
        {
            // No key: the in-memory emulator answers instead of api.perplexity.ai. (Handlers chain on the same builder:
            // AddStandardResilienceHandler, AddHttpMessageHandler, ...)
            perplexity.ConfigurePrimaryHttpMessageHandler(() => emulator);
        }

        using IHost host = builder.Build();

        // Inject PerplexityAsyncClient into your own services; a console app can resolve it directly.
        var client = host.Services.GetRequiredService<PerplexityAsyncClient>();
        var request = new ChatCompletionRequest
        {
            Model = "sonar",
            Messages = [ChatRequestMessage.User("What is dependency injection in .NET?")],
        };
        AsyncApiChatCompletionsResponse job = await client.Sonar.CreateAsync(request, cancellationToken);
        AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(job.Id, cancellationToken);
        output.WriteLine($"{done.Id}: {done.Status}");
        output.WriteLine(done.Response!.Text);
    }
}
