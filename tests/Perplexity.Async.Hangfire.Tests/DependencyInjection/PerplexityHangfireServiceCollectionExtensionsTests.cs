using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Perplexity.Async.Hangfire.Jobs;
using Perplexity.Async.Hangfire.Tests.TestSupport;

namespace Perplexity.Async.Hangfire.Tests.DependencyInjection;

public sealed class PerplexityHangfireServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPerplexityHangfire_Defaults_RegistersTheJobAndValidOptions()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(new HandledRuns()).AddSingleton(new ServerName("a")).AddPerplexityHangfire().BuildServiceProvider();

        provider.GetRequiredService<PerplexityRunJob<RecordingHandler>>().ShouldNotBeNull();
        var options = provider.GetRequiredService<IOptions<PerplexityHangfireOptions>>().Value;
        options.Polling.ShouldBeNull();
        options.HandlerLockTimeout.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void AddPerplexityHangfire_InvalidPolling_ThrowsNamingTheSetting()
    {
        using var provider = new ServiceCollection()
            .AddPerplexityHangfire(o =>
            {
                o.Polling = new PollingOptions { InitialDelay = TimeSpan.Zero };
                o.HandlerLockTimeout = TimeSpan.Zero;
            })
            .BuildServiceProvider();

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PerplexityHangfireOptions>>().Value);
        ex.Message.ShouldContain("Polling.InitialDelay");
        ex.Message.ShouldContain("HandlerLockTimeout");
    }

    [Fact]
    public void AddPerplexityHangfire_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => ((IServiceCollection)null!).AddPerplexityHangfire());
        Should.Throw<ArgumentNullException>(() => new ServiceCollection().AddPerplexityHangfire(null!));
    }
}
