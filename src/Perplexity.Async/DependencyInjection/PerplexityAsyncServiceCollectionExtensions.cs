using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Perplexity.Async.Budget;
using Perplexity.Async.Transport;

namespace Perplexity.Async;

/// <summary>
/// Registers <see cref="PerplexityAsyncClient"/> with dependency injection as a typed client of
/// <c>IHttpClientFactory</c>, its <see cref="PerplexityAsyncClientOptions"/> validated at start-up.
/// </summary>
/// <remarks>
/// <para>
/// Each call returns the <see cref="IHttpClientBuilder"/> of the client's <see cref="HttpClient"/>, so handlers
/// chain on: <c>.AddStandardResilienceHandler()</c>, <c>.ConfigurePrimaryHttpMessageHandler(…)</c>,
/// <c>.AddHttpMessageHandler(…)</c>. With a retrying handler, set
/// <see cref="PerplexityAsyncClientOptions.MaxRetries"/> to 0 so the client's own retries do not multiply with it.
/// </para>
/// <para>
/// Several clients side by side (two API keys, two base addresses) are keyed services: register each with
/// <see cref="AddPerplexityAsync(IServiceCollection, string, Action{PerplexityAsyncClientOptions})"/> and inject it
/// with <c>[FromKeyedServices("key")] PerplexityAsyncClient client</c>. The key is also the name of the client's
/// options (<c>IOptionsMonitor&lt;PerplexityAsyncClientOptions&gt;.Get("key")</c>).
/// </para>
/// <para>
/// Redirects are never followed, as with the client's own handler: the primary handler is a
/// <c>SocketsHttpHandler</c> (an <see cref="HttpClientHandler"/> on .NET Standard 2.0) with
/// <c>AllowAutoRedirect = false</c> and pooled connections recycled every 5 minutes, so a 3xx ends as a
/// <see cref="PerplexityApiException"/> naming the status and nothing goes to another host. A primary handler of your
/// own (<c>.ConfigurePrimaryHttpMessageHandler(…)</c>) replaces it, with its settings: set
/// <c>AllowAutoRedirect = false</c> on it. If it follows a redirect anyway, the SDK refuses the answer when it came
/// from another scheme, host or port than the request was sent to (a <see cref="PerplexityProtocolException"/>
/// naming both), but by then the request (its <c>x-…</c> headers and, after a 307 or 308, its body; .NET drops
/// <c>Authorization</c>) has reached the other host.
/// </para>
/// <para>
/// Every client of one name shares one request budget (<see cref="PerplexityAsyncClientOptions.RequestBudget"/>), as
/// the service's limit is shared: clients of other names have their own.
/// </para>
/// <para>
/// The clock is the <see cref="TimeProvider"/> registered in the container, unless the options set one; the
/// logger factory is the container's <see cref="ILoggerFactory"/>, unless the options set one.
/// </para>
/// </remarks>
public static class PerplexityAsyncServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the unkeyed client: <c>Perplexity.Async</c>.</summary>
    public const string HttpClientName = "Perplexity.Async";

    /// <summary>
    /// Registers <see cref="PerplexityAsyncClient"/> (transient, over a pooled <see cref="HttpClient"/>) configured
    /// in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o =&gt; o.ApiKey = "…"</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. Its primary handler never follows
    /// redirects; one you set with <c>ConfigurePrimaryHttpMessageHandler</c> replaces it (set
    /// <c>AllowAutoRedirect = false</c> on yours: an answer from another host is refused, but the request reached it).
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddPerplexityAsync(o =>
    ///     {
    ///         o.ApiKey = builder.Configuration["Perplexity:ApiKey"];
    ///         o.MaxRetries = 0; // the resilience handler retries; the client's retries would multiply with it
    ///     })
    ///     .AddStandardResilienceHandler();
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddPerplexityAsync(this IServiceCollection services, Action<PerplexityAsyncClientOptions> configure)
    {
        RequireNotNull(services, nameof(services));
        RequireNotNull(configure, nameof(configure));
        return AddCore(services, serviceKey: null, configurationPath: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="PerplexityAsyncClient"/> (transient, over a pooled <see cref="HttpClient"/>) configured
    /// from a configuration section, by convention <c>"Perplexity"</c>
    /// (<see cref="PerplexityAsyncClientOptions.DefaultSectionName"/>). Changes to the configuration apply to
    /// clients resolved afterwards.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options, for example <c>builder.Configuration.GetSection("Perplexity")</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. Its primary handler never follows
    /// redirects; one you set with <c>ConfigurePrimaryHttpMessageHandler</c> replaces it (set
    /// <c>AllowAutoRedirect = false</c> on yours: an answer from another host is refused, but the request reached it).
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// // appsettings.json: { "Perplexity": { "BaseAddress": "https://api.perplexity.ai/" } }; the key from user-secrets
    /// // or the environment (Perplexity__ApiKey, or PERPLEXITY_API_KEY).
    /// builder.Services.AddPerplexityAsync(builder.Configuration.GetSection(PerplexityAsyncClientOptions.DefaultSectionName));
    ///
    /// app.MapGet("/jobs/{id}", (string id, PerplexityAsyncClient client, CancellationToken ct) =>
    ///     client.Sonar.GetAsync(id, ct));
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddPerplexityAsync(this IServiceCollection services, IConfiguration configuration)
    {
        RequireNotNull(services, nameof(services));
        RequireNotNull(configuration, nameof(configuration));
        return AddCore(services, serviceKey: null, PathOf(configuration), options => Bind(options, configuration));
    }

    /// <summary>
    /// Registers a keyed <see cref="PerplexityAsyncClient"/> configured in code, next to any others: inject it with
    /// <c>[FromKeyedServices(serviceKey)]</c> or resolve it with <c>GetRequiredKeyedService</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The client's key; also the name of its options and, prefixed with <c>Perplexity.Async:</c>, of its <see cref="HttpClient"/>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. Its primary handler never follows
    /// redirects; one you set with <c>ConfigurePrimaryHttpMessageHandler</c> replaces it (set
    /// <c>AllowAutoRedirect = false</c> on yours: an answer from another host is refused, but the request reached it).
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is empty or whitespace.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddPerplexityAsync("research", o => o.ApiKey = researchKey);
    /// builder.Services.AddPerplexityAsync("batch", o => o.ApiKey = batchKey);
    ///
    /// public sealed class Reporter([FromKeyedServices("research")] PerplexityAsyncClient client) { /* ... */ }
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddPerplexityAsync(
        this IServiceCollection services, string serviceKey, Action<PerplexityAsyncClientOptions> configure)
    {
        RequireNotNull(services, nameof(services));
        RequireKey(serviceKey);
        RequireNotNull(configure, nameof(configure));
        return AddCore(services, serviceKey, configurationPath: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers a keyed <see cref="PerplexityAsyncClient"/> configured from a configuration section, next to any
    /// others: inject it with <c>[FromKeyedServices(serviceKey)]</c> or resolve it with <c>GetRequiredKeyedService</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The client's key; also the name of its options and, prefixed with <c>Perplexity.Async:</c>, of its <see cref="HttpClient"/>.</param>
    /// <param name="configuration">The section holding this client's options, for example <c>builder.Configuration.GetSection("Perplexity:Research")</c>.</param>
    /// <returns>
    /// The builder of the client's <see cref="HttpClient"/>, to add handlers. Its primary handler never follows
    /// redirects; one you set with <c>ConfigurePrimaryHttpMessageHandler</c> replaces it (set
    /// <c>AllowAutoRedirect = false</c> on yours: an answer from another host is refused, but the request reached it).
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is empty or whitespace.</exception>
    public static IHttpClientBuilder AddPerplexityAsync(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        RequireNotNull(services, nameof(services));
        RequireKey(serviceKey);
        RequireNotNull(configuration, nameof(configuration));
        return AddCore(services, serviceKey, PathOf(configuration), options => Bind(options, configuration));
    }

    private static IHttpClientBuilder AddCore(
        IServiceCollection services,
        string? serviceKey,
        string? configurationPath,
        Action<OptionsBuilder<PerplexityAsyncClientOptions>> configureOptions)
    {
        var optionsName = serviceKey ?? Options.DefaultName;
        // Read by the validator and the client, so a missing key or a use after disposal names this client.
        var registration = new ClientRegistration(optionsName, configurationPath);
        services.AddSingleton(registration);
        var options = services.AddOptions<PerplexityAsyncClientOptions>(optionsName);
        configureOptions(options);
        options.PostConfigure<IServiceProvider>(FillFromServices).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PerplexityAsyncClientOptions>, PerplexityAsyncClientOptionsValidator>());
        services.TryAddSingleton<RequestBudgetRegistry>();

        if (serviceKey is null)
        {
            return services.AddHttpClient(HttpClientName)
                .ConfigureHttpClient(DisableHttpClientTimeout)
                .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
                .AddTypedClient((httpClient, provider) => Create(httpClient, provider, registration));
        }

        var builder = services.AddHttpClient(HttpClientName + ":" + serviceKey)
            .ConfigureHttpClient(DisableHttpClientTimeout)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create);
        var httpClientName = builder.Name;
        services.AddKeyedTransient(serviceKey, (provider, _) =>
            Create(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), provider, registration));
        return builder;
    }

    // The client enforces its own AttemptTimeout and RequestTimeout (on its TimeProvider); the factory's default
    // 100-second HttpClient.Timeout would otherwise cut requests short, on the real clock.
    private static void DisableHttpClientTimeout(HttpClient httpClient) => httpClient.Timeout = Timeout.InfiniteTimeSpan;

    private static void Bind(OptionsBuilder<PerplexityAsyncClientOptions> options, IConfiguration configuration)
    {
        // The source generator binds every setting that text can hold, without reflection; it skips TimeProvider
        // and LoggerFactory, which come from code or the container (hence SYSLIB1100/1101 off in the project file).
        options.Bind(configuration);
    }

    // The clients are transient; the budget of their name is the registry's, so they all share it.
    private static PerplexityAsyncClient Create(HttpClient httpClient, IServiceProvider provider, ClientRegistration registration) =>
        new(
            httpClient,
            provider.GetRequiredService<IOptionsMonitor<PerplexityAsyncClientOptions>>().Get(registration.Name),
            registration,
            provider.GetRequiredService<RequestBudgetRegistry>());

    private static string? PathOf(IConfiguration configuration) => (configuration as IConfigurationSection)?.Path ?? string.Empty;

    // Options set in code win; the container fills what they leave at the default.
    private static void FillFromServices(PerplexityAsyncClientOptions options, IServiceProvider provider)
    {
        if (options.TimeProvider is null || ReferenceEquals(options.TimeProvider, TimeProvider.System))
        {
            options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        }

        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
    }

    private static void RequireNotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    private static void RequireKey(string? serviceKey)
    {
        if (serviceKey is null)
        {
            throw new ArgumentNullException(nameof(serviceKey));
        }

        if (string.IsNullOrWhiteSpace(serviceKey))
        {
            throw new ArgumentException("A service key is required; it is empty or whitespace.", nameof(serviceKey));
        }
    }
}
