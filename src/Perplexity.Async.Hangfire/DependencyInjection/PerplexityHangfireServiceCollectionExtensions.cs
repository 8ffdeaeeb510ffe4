using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Perplexity.Async.Hangfire.Jobs;

namespace Perplexity.Async;

/// <summary>Registers what Hangfire servers need to run the jobs of durable Perplexity runs.</summary>
public static class PerplexityHangfireServiceCollectionExtensions
{
    /// <summary>Registers the jobs of durable runs with the default <see cref="PerplexityHangfireOptions"/>.</summary>
    /// <inheritdoc cref="AddPerplexityHangfire(IServiceCollection, Action{PerplexityHangfireOptions})"/>
    public static IServiceCollection AddPerplexityHangfire(this IServiceCollection services) =>
        AddPerplexityHangfire(services, static _ => { });

    /// <summary>
    /// Registers the jobs of durable runs (<c>StartPerplexityRun</c>). The jobs use the <see cref="PerplexityAsyncClient"/>
    /// registered with <c>services.AddPerplexityAsync(…)</c>, and resolve each handler from the job's scope (register
    /// handlers as services, or they are created with their constructor's services). Hangfire must activate jobs through
    /// this container, as <c>services.AddHangfire(…)</c> from Hangfire.AspNetCore / Hangfire.NetCore sets up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; validated when the first job runs.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddPerplexityHangfire(this IServiceCollection services, Action<PerplexityHangfireOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<PerplexityHangfireOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PerplexityHangfireOptions>, PerplexityHangfireOptionsValidator>());
        services.TryAddTransient(typeof(PerplexityRunJob<>));
        return services;
    }
}
