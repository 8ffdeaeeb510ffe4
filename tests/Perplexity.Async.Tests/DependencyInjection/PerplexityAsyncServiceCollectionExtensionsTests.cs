using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Tests.TestSupport;
using WireMock.Server;

namespace Perplexity.Async.Tests.DependencyInjection;

public sealed class PerplexityAsyncServiceCollectionExtensionsTests : IDisposable
{
    private const string KeyA = "pplx-key-a-0123456789";
    private const string KeyB = "pplx-key-b-9876543210";

    private readonly WireMockServer _serverA = WireMockServer.Start();
    private readonly WireMockServer _serverB = WireMockServer.Start();

    public void Dispose()
    {
        _serverA.Stop();
        _serverB.Stop();
        _serverA.Dispose();
        _serverB.Dispose();
    }

    [Fact]
    public async Task AddPerplexityAsync_WithConfigureAction_ResolvesClientThatSendsTheKey()
    {
        _serverA.StubCreatedJob("job-1");
        using var provider = Build(services => services.AddPerplexityAsync(o =>
        {
            o.ApiKey = KeyA;
            o.BaseAddress = new Uri(_serverA.Url!);
        }));

        var client = provider.GetRequiredService<PerplexityAsyncClient>();
        var job = await client.Sonar.GetAsync("job-1");

        job.Id.ShouldBe("job-1");
        _serverA.AuthorizationHeaders().ShouldBe(["Bearer " + KeyA]);
    }

    [Fact]
    public async Task AddPerplexityAsync_WithConfigurationSection_BindsEverySetting()
    {
        _serverA.StubCreatedJob("job-2");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Perplexity:ApiKey"] = KeyA,
                ["Perplexity:BaseAddress"] = _serverA.Url,
                ["Perplexity:MaxResponseContentBytes"] = "65536",
            })
            .Build();
        using var provider = Build(services =>
            services.AddPerplexityAsync(configuration.GetSection(PerplexityAsyncClientOptions.DefaultSectionName)));

        var options = provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value;
        options.ApiKey.ShouldBe(KeyA);
        options.BaseAddress.ShouldBe(new Uri(_serverA.Url!));
        options.MaxResponseContentBytes.ShouldBe(65536);

        var job = await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-2");
        job.Id.ShouldBe("job-2");
        _serverA.AuthorizationHeaders().ShouldBe(["Bearer " + KeyA]);
    }

    [Fact]
    public void AddPerplexityAsync_WithConfigurationSection_BindsRetriesTimeoutsAndPolling()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Perplexity:ApiKey"] = KeyA,
                ["Perplexity:MaxRetries"] = "0",
                ["Perplexity:AttemptTimeout"] = "00:00:30",
                ["Perplexity:RequestTimeout"] = "00:05:00",
                ["Perplexity:Polling:InitialDelay"] = "00:00:02",
                ["Perplexity:Polling:BackoffType"] = "Linear",
                ["Perplexity:Polling:MaxDelay"] = "00:00:20",
                ["Perplexity:Polling:UseJitter"] = "false",
                ["Perplexity:Polling:Timeout"] = "00:30:00",
                ["Perplexity:Polling:MaxConsecutiveFailures"] = "4",
            })
            .Build();
        using var provider = Build(services => services.AddPerplexityAsync(configuration.GetSection("Perplexity")));

        var options = provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value;

        options.MaxRetries.ShouldBe(0);
        options.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.RequestTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        var polling = options.Polling.ShouldNotBeNull();
        polling.InitialDelay.ShouldBe(TimeSpan.FromSeconds(2));
        polling.BackoffType.ShouldBe(PollingBackoffType.Linear);
        polling.MaxDelay.ShouldBe(TimeSpan.FromSeconds(20));
        polling.UseJitter.ShouldBeFalse();
        polling.Timeout.ShouldBe(TimeSpan.FromMinutes(30));
        polling.MaxConsecutiveFailures.ShouldBe(4);
    }

    [Fact]
    public void AddPerplexityAsync_WithConfigurationSection_LeavesUnsetSettingsAtTheirDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Perplexity:ApiKey"] = KeyA })
            .Build();
        using var provider = Build(services => services.AddPerplexityAsync(configuration.GetSection("Perplexity")));

        var options = provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value;

        options.BaseAddress.ShouldBe(PerplexityAsyncClientOptions.DefaultBaseAddress);
        options.MaxResponseContentBytes.ShouldBe(16L * 1024 * 1024);
        options.TimeProvider.ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task AddPerplexityAsync_WithConfigurationSection_ClientsResolvedLaterSeeReloadedSettings()
    {
        _serverA.StubCreatedJob("job-3");
        _serverB.StubCreatedJob("job-3");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Perplexity:ApiKey"] = KeyA,
                ["Perplexity:BaseAddress"] = _serverA.Url,
            })
            .Build();
        using var provider = Build(services => services.AddPerplexityAsync(configuration.GetSection("Perplexity")));
        await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-3");

        configuration["Perplexity:ApiKey"] = KeyB;
        configuration["Perplexity:BaseAddress"] = _serverB.Url;
        configuration.Reload();
        await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-3");

        _serverA.AuthorizationHeaders().ShouldBe(["Bearer " + KeyA]);
        _serverB.AuthorizationHeaders().ShouldBe(["Bearer " + KeyB]);
    }

    [Fact]
    public async Task AddPerplexityAsync_KeyedClients_EachHitsItsOwnServerWithItsOwnKey()
    {
        _serverA.StubCreatedJob("job-a");
        _serverB.StubCreatedJob("job-b");
        using var provider = Build(services =>
        {
            services.AddPerplexityAsync("research", o =>
            {
                o.ApiKey = KeyA;
                o.BaseAddress = new Uri(_serverA.Url!);
            });
            services.AddPerplexityAsync("batch", o =>
            {
                o.ApiKey = KeyB;
                o.BaseAddress = new Uri(_serverB.Url!);
            });
            services.AddTransient<TwoClientsConsumer>();
        });

        var consumer = provider.GetRequiredService<TwoClientsConsumer>();
        (await consumer.Research.Sonar.GetAsync("job-a")).Id.ShouldBe("job-a");
        (await consumer.Batch.Sonar.GetAsync("job-b")).Id.ShouldBe("job-b");

        _serverA.AuthorizationHeaders().ShouldBe(["Bearer " + KeyA]);
        _serverB.AuthorizationHeaders().ShouldBe(["Bearer " + KeyB]);
    }

    [Fact]
    public void AddPerplexityAsync_KeyedClients_NamesOptionsAfterTheKeyAndRegistersNoUnkeyedClient()
    {
        using var provider = Build(services =>
        {
            services.AddPerplexityAsync("research", o => o.ApiKey = KeyA);
            services.AddPerplexityAsync("batch", o => o.ApiKey = KeyB);
        });

        var monitor = provider.GetRequiredService<IOptionsMonitor<PerplexityAsyncClientOptions>>();
        monitor.Get("research").ApiKey.ShouldBe(KeyA);
        monitor.Get("batch").ApiKey.ShouldBe(KeyB);
        provider.GetService<PerplexityAsyncClient>().ShouldBeNull();
        provider.GetRequiredKeyedService<PerplexityAsyncClient>("batch").ShouldNotBeNull();
    }

    [Fact]
    public async Task AddPerplexityAsync_KeyedWithConfigurationSection_BindsThatSection()
    {
        _serverB.StubCreatedJob("job-k");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Perplexity:Research:ApiKey"] = KeyB,
                ["Perplexity:Research:BaseAddress"] = _serverB.Url,
            })
            .Build();
        using var provider = Build(services =>
            services.AddPerplexityAsync("research", configuration.GetSection("Perplexity:Research")));

        var client = provider.GetRequiredKeyedService<PerplexityAsyncClient>("research");
        (await client.Sonar.GetAsync("job-k")).Id.ShouldBe("job-k");

        _serverB.AuthorizationHeaders().ShouldBe(["Bearer " + KeyB]);
    }

    [Fact]
    public async Task AddPerplexityAsync_ReturnedBuilder_SendsThroughTheConfiguredPrimaryHandler()
    {
        var handler = new RecordingHandler();
        using var provider = Build(services =>
        {
            var builder = services.AddPerplexityAsync(o => o.ApiKey = KeyA);
            builder.Name.ShouldBe(PerplexityAsyncServiceCollectionExtensions.HttpClientName);
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        });

        var job = await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-h");

        job.Id.ShouldBe("job-h");
        handler.Requests.ShouldBe(["https://api.perplexity.ai/v1/async/sonar/job-h"]);
    }

    [Fact]
    public async Task AddPerplexityAsync_KeyedBuilder_IsTheKeyedClientsOwnHttpClient()
    {
        var researchHandler = new RecordingHandler();
        var batchHandler = new RecordingHandler();
        using var provider = Build(services =>
        {
            services.AddPerplexityAsync("research", o => o.ApiKey = KeyA).ConfigurePrimaryHttpMessageHandler(() => researchHandler);
            services.AddPerplexityAsync("batch", o => o.ApiKey = KeyB).ConfigurePrimaryHttpMessageHandler(() => batchHandler);
        });

        await provider.GetRequiredKeyedService<PerplexityAsyncClient>("research").Sonar.GetAsync("job-r");

        researchHandler.Requests.ShouldHaveSingleItem();
        batchHandler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddPerplexityAsync_ChainedWithStandardResilienceHandler_RetriesATransientFailure()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services => services
            .AddPerplexityAsync(o => o.ApiKey = KeyA)
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero));

        var job = await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-s");

        job.Id.ShouldBe("job-s");
        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AddPerplexityAsync_TimeProviderInContainer_IsTheClientsClock()
    {
        var clock = new FakeTimeProvider();
        var logs = new CapturingLoggerProvider();
        var handler = new RecordingHandler { OnSend = () => clock.Advance(TimeSpan.FromMilliseconds(1500)) };
        using var provider = Build(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddPerplexityAsync(o => o.ApiKey = KeyA).ConfigurePrimaryHttpMessageHandler(() => handler);
        });

        provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value.TimeProvider.ShouldBeSameAs(clock);
        await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-t");

        var received = logs.Entries.Single(e => e.EventId.Name == "ResponseReceived");
        received["ElapsedMilliseconds"].ShouldBe(1500d);
    }

    [Fact]
    public void AddPerplexityAsync_TimeProviderSetInOptions_WinsOverTheContainers()
    {
        var inContainer = new FakeTimeProvider();
        var inOptions = new FakeTimeProvider();
        using var provider = Build(services =>
        {
            services.AddSingleton<TimeProvider>(inContainer);
            services.AddPerplexityAsync(o =>
            {
                o.ApiKey = KeyA;
                o.TimeProvider = inOptions;
            });
        });

        provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value.TimeProvider.ShouldBeSameAs(inOptions);
    }

    [Fact]
    public async Task AddPerplexityAsync_LoggingInContainer_ClientLogsThroughIt()
    {
        var logs = new CapturingLoggerProvider();
        using var provider = Build(services =>
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddPerplexityAsync(o => o.ApiKey = KeyA).ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler());
        });

        await provider.GetRequiredService<PerplexityAsyncClient>().Sonar.GetAsync("job-l");

        var sent = logs.Entries.Single(e => e.EventId.Name == "RequestSent");
        sent.Category.ShouldBe("Perplexity.Async.PerplexityAsyncClient");
        sent["RequestId"].ShouldBe("job-l");
    }

    [Fact]
    public void ValidateOnStart_MissingKey_FailsNamingApiKey()
    {
        Environment.GetEnvironmentVariable(PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable)
            .ShouldBeNullOrEmpty("this test needs PERPLEXITY_API_KEY unset");
        using var provider = Build(services => services.AddPerplexityAsync(_ => { }));

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        ex.Message.ShouldContain("ApiKey is not set");
        ex.Message.ShouldContain(PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable);
    }

    [Fact]
    public void ValidateOnStart_PlainHttpToARemoteHost_FailsNamingBaseAddress()
    {
        using var provider = Build(services => services.AddPerplexityAsync(o =>
        {
            o.ApiKey = KeyA;
            o.BaseAddress = new Uri("http://api.example.com/");
        }));

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        ex.Message.ShouldContain("BaseAddress 'http://api.example.com/' must use HTTPS");
        ex.Message.ShouldNotContain(KeyA);
    }

    [Fact]
    public void ValidateOnStart_NonPositiveLimit_FailsNamingTheSetting()
    {
        using var provider = Build(services => services.AddPerplexityAsync(o =>
        {
            o.ApiKey = KeyA;
            o.MaxResponseContentBytes = 0;
        }));

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        ex.Message.ShouldContain("MaxResponseContentBytes must be positive; it is 0");
    }

    [Fact]
    public void ValidateOnStart_BadKeyedClient_NamesItsKey()
    {
        using var provider = Build(services =>
        {
            services.AddPerplexityAsync("good", o => o.ApiKey = KeyA);
            services.AddPerplexityAsync("bad", o =>
            {
                o.ApiKey = KeyB;
                o.BaseAddress = new Uri("http://api.example.com/");
            });
        });

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        ex.OptionsName.ShouldBe("bad");
        ex.Message.ShouldContain("BaseAddress");
    }

    [Fact]
    public async Task ValidateOnStart_InAHost_StopsStartUp()
    {
        var builder = new Microsoft.Extensions.Hosting.HostApplicationBuilder(
            new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Perplexity:ApiKey"] = KeyA,
            ["Perplexity:BaseAddress"] = "http://api.example.com/",
        });
        builder.Services.AddPerplexityAsync(builder.Configuration.GetSection("Perplexity"));
        using var host = builder.Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        ex.Message.ShouldContain("BaseAddress");
    }

    [Fact]
    public void ValidateOnStart_ValidSettings_Passes()
    {
        using var provider = Build(services => services.AddPerplexityAsync(o => o.ApiKey = KeyA));

        Should.NotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void ResolvedOptions_ToString_LeavesTheKeyOut()
    {
        using var provider = Build(services => services.AddPerplexityAsync(o => o.ApiKey = KeyA));

        var text = provider.GetRequiredService<IOptions<PerplexityAsyncClientOptions>>().Value.ToString();

        text.ShouldNotContain(KeyA);
        text.ShouldContain("ApiKey = (set)");
    }

    [Fact]
    public void AddPerplexityAsync_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        Action<PerplexityAsyncClientOptions> configure = _ => { };
        var configuration = new ConfigurationBuilder().Build();

        Should.Throw<ArgumentNullException>(() => ((IServiceCollection)null!).AddPerplexityAsync(configure)).ParamName.ShouldBe("services");
        Should.Throw<ArgumentNullException>(() => services.AddPerplexityAsync((Action<PerplexityAsyncClientOptions>)null!)).ParamName.ShouldBe("configure");
        Should.Throw<ArgumentNullException>(() => services.AddPerplexityAsync((IConfiguration)null!)).ParamName.ShouldBe("configuration");
        Should.Throw<ArgumentNullException>(() => services.AddPerplexityAsync(null!, configure)).ParamName.ShouldBe("serviceKey");
        Should.Throw<ArgumentNullException>(() => services.AddPerplexityAsync("k", (IConfiguration)null!)).ParamName.ShouldBe("configuration");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddPerplexityAsync_BlankServiceKey_ThrowsNamingIt(string key)
    {
        var ex = Should.Throw<ArgumentException>(() => new ServiceCollection().AddPerplexityAsync(key, _ => { }));

        ex.ParamName.ShouldBe("serviceKey");
    }

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("research")]
    public void AddPerplexityAsync_HttpClientFromFactory_HasNoHttpClientTimeoutSoTheClientsOwnTimeoutsGovern(string? serviceKey)
    {
        var services = new ServiceCollection();
        if (serviceKey is null)
        {
            services.AddPerplexityAsync(o => o.ApiKey = "k");
        }
        else
        {
            services.AddPerplexityAsync(serviceKey, o => o.ApiKey = "k");
        }

        using var provider = services.BuildServiceProvider();
        var name = serviceKey is null ? PerplexityAsyncServiceCollectionExtensions.HttpClientName
            : PerplexityAsyncServiceCollectionExtensions.HttpClientName + ":" + serviceKey;

        using var httpClient = provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(name);

        httpClient.Timeout.ShouldBe(System.Threading.Timeout.InfiniteTimeSpan);
    }

    private sealed class TwoClientsConsumer(
        [FromKeyedServices("research")] PerplexityAsyncClient research,
        [FromKeyedServices("batch")] PerplexityAsyncClient batch)
    {
        public PerplexityAsyncClient Research { get; } = research;

        public PerplexityAsyncClient Batch { get; } = batch;
    }
}
