using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Perplexity.Async.Tests.Budget;

/// <summary>Under dependency injection, the clients of one name share one budget; clients of other names have theirs.</summary>
public sealed class RequestBudgetDependencyInjectionTests : IDisposable
{
    private readonly RequestBudgetHarness _harness = new();
    private readonly ServiceProvider _provider;

    public RequestBudgetDependencyInjectionTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_harness.Clock);
        foreach (var name in new[] { "research", "batch" })
        {
            services.AddPerplexityAsync(name, o => Configure(o))
                .ConfigurePrimaryHttpMessageHandler(() => _harness.Emulator);
        }

        services.AddPerplexityAsync(o => Configure(o)).ConfigurePrimaryHttpMessageHandler(() => _harness.Emulator);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task AddPerplexityAsync_TwoClientsOfOneName_ShareOneBudget()
    {
        var first = _provider.GetRequiredKeyedService<PerplexityAsyncClient>("research");
        var second = _provider.GetRequiredKeyedService<PerplexityAsyncClient>("research");
        var run = _harness.Emulator.AddAgentRun("q");

        first.ShouldNotBeSameAs(second);
        second.Agent.Budget.ShouldBeSameAs(first.Agent.Budget);
        await _harness.Clock.DriveAsync(first.Agent.GetAsync(run.Id, CancellationToken.None));
        await _harness.Clock.DriveAsync(first.Agent.GetAsync(run.Id, CancellationToken.None));
        await _harness.Clock.DriveAsync(second.Agent.GetAsync(run.Id, CancellationToken.None));

        // Burst 2, then one a second: the second client waited for the first one's budget.
        _harness.Arrivals().ShouldBe([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1)]);
    }

    [Fact]
    public async Task AddPerplexityAsync_ClientsOfOtherNames_HaveTheirOwnBudget()
    {
        var research = _provider.GetRequiredKeyedService<PerplexityAsyncClient>("research");
        var batch = _provider.GetRequiredKeyedService<PerplexityAsyncClient>("batch");
        var unnamed = _provider.GetRequiredService<PerplexityAsyncClient>();
        var run = _harness.Emulator.AddAgentRun("q");

        batch.Agent.Budget.ShouldNotBeSameAs(research.Agent.Budget);
        unnamed.Agent.Budget.ShouldNotBeSameAs(research.Agent.Budget);
        unnamed.Agent.Budget.ShouldBeSameAs(_provider.GetRequiredService<PerplexityAsyncClient>().Agent.Budget);
        foreach (var client in new[] { research, research, batch, batch, unnamed, unnamed })
        {
            await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        _harness.Arrivals().ShouldAllBe(t => t == TimeSpan.Zero);
    }

    [Fact]
    public void AddPerplexityAsync_NoBudgetConfigured_ClientsHaveNone()
    {
        var services = new ServiceCollection();
        services.AddPerplexityAsync(o => o.ApiKey = RequestBudgetHarness.ApiKey);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PerplexityAsyncClient>().Agent.Budget.ShouldBeNull();
    }

    [Fact]
    public void AddPerplexityAsync_BudgetFromConfiguration_IsBoundAndValidatedAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Perplexity:ApiKey"] = RequestBudgetHarness.ApiKey,
            ["Perplexity:RequestBudget:RequestsPerSecond"] = "25",
            ["Perplexity:RequestBudget:Burst"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddPerplexityAsync(configuration.GetSection("Perplexity"));
        using var provider = services.BuildServiceProvider();

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value);

        ex.Message.ShouldContain("RequestBudget.Burst must be between 1 and 10000; it is 0.");
        provider.GetRequiredService<IOptionsMonitor<PerplexityAsyncClientOptions>>().ShouldNotBeNull();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _harness.Dispose();
    }

    private static void Configure(PerplexityAsyncClientOptions options)
    {
        options.ApiKey = RequestBudgetHarness.ApiKey;
        options.MaxRetries = 0;
        options.RequestTimeout = null;
        options.RequestBudget = new RequestBudgetOptions { RequestsPerSecond = 1, Burst = 2 };
    }
}
