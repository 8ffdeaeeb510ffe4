using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Transport;

/// <summary>The retry settings through dependency injection, and switched off under an app's own resilience handler.</summary>
public sealed class ResilienceHandlerTests(WireMockFixture fixture) : IClassFixture<WireMockFixture>
{
    private const string JobId = "req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W";

    [Fact]
    public void AddPerplexityAsync_ConfigurationSection_BindsRetrySettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Perplexity:ApiKey"] = "k",
                ["Perplexity:MaxRetries"] = "0",
                ["Perplexity:AttemptTimeout"] = "00:00:30",
                ["Perplexity:RequestTimeout"] = "00:05:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddPerplexityAsync(configuration.GetSection(PerplexityAsyncClientOptions.DefaultSectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value;

        options.MaxRetries.ShouldBe(0);
        options.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.RequestTimeout.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task GetAsync_StandardResilienceHandlerAndMaxRetriesZero_OnlyTheHandlerRetries()
    {
        var server = fixture.Server;
        server.Reset();
        var path = "/v1/async/sonar/" + JobId;
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("s").WillSetStateTo("2")
            .RespondWith(Response.Create().WithStatusCode(503));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("s").WhenStateIs("2").WillSetStateTo("3")
            .RespondWith(Response.Create().WithStatusCode(503));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("s").WhenStateIs("3")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("created.json")));
        var services = new ServiceCollection();
        services.AddPerplexityAsync(o =>
            {
                o.ApiKey = "k";
                o.BaseAddress = new Uri(server.Url!);
                o.MaxRetries = 0; // the handler below retries; two layers would multiply attempts
            })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.Zero;
                o.Retry.MaxRetryAttempts = 2;
            });
        using var provider = services.BuildServiceProvider();

        var job = await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync(JobId);

        job.Id.ShouldBe(JobId);
        server.LogEntries.Count.ShouldBe(3);
    }
}
