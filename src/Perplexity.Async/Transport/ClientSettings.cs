using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>
/// The settings a client runs with: copied and validated from <see cref="PerplexityAsyncClientOptions"/> once,
/// so a later change to the options object cannot change a live client.
/// </summary>
internal sealed class ClientSettings
{
    public static readonly string UserAgent = "Perplexity.Async/" + PackageVersion.Value;

    private static readonly PerplexityAsyncClientOptionsValidator Validator = new();

    public ClientSettings(PerplexityAsyncClientOptions options, ClientRegistration? registration = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var result = Validator.Validate(registration?.Name, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid Perplexity client options: " + result.FailureMessage, nameof(options));
        }

        ApiKey = PerplexityAsyncClientOptionsValidator.ResolveApiKey(options)!;
        Retry = new RetrySettings(options);
        BaseAddress = WithTrailingSlash(options.BaseAddress);
        RequestUriPrefix = WithTrailingSlash(BaseAddress.GetLeftPart(UriPartial.Path));
        ServerAddress = BaseAddress.Host;
        ServerPort = BaseAddress.Port;
        AuthorizationHeaderValue = "Bearer " + ApiKey;
        Redactor = new Redactor(ApiKey);
        CancelAbandonedRuns = options.CancelAbandonedRuns;
        RequestBudget = Budget.RequestBudgetSettings.From(options.RequestBudget);
        TimeProvider = options.TimeProvider;
        MaxResponseContentBytes = options.MaxResponseContentBytes;
        Logger = options.LoggerFactory?.CreateLogger<PerplexityAsyncClient>() ?? (ILogger)NullLogger.Instance;
        Registration = registration;
    }

    /// <summary>The <c>AddPerplexityAsync</c> call that created the client; null for a client created with <c>new</c>.</summary>
    public ClientRegistration? Registration { get; }

    /// <summary>Names the client for a message: its registration's name when it has one, and its base address.</summary>
    public string ClientDescription =>
        Registration is { Name.Length: > 0 } keyed
            ? $"The PerplexityAsyncClient '{keyed.Name}' (for {BaseAddress.AbsoluteUri})"
            : $"The PerplexityAsyncClient for {BaseAddress.AbsoluteUri}";

    public string ApiKey { get; }

    /// <summary>Transport retries and timeouts.</summary>
    public RetrySettings Retry { get; }

    public Uri BaseAddress { get; }

    /// <summary>The host every request goes to (the <c>server.address</c> telemetry tag), read once from <see cref="BaseAddress"/>.</summary>
    public string ServerAddress { get; }

    /// <summary>The port every request goes to (the <c>server.port</c> telemetry tag).</summary>
    public int ServerPort { get; }

    /// <summary>
    /// The base address up to its path (always ending in <c>/</c>): a request's relative path and query appended
    /// to it give what <c>new Uri(BaseAddress, relative)</c> gives, without parsing a relative URI first.
    /// </summary>
    public string RequestUriPrefix { get; }

    /// <summary>
    /// The <c>Authorization</c> header value, built once and sent as is, so no header object is parsed or
    /// allocated per request. The validator has refused keys with line breaks, which would inject headers.
    /// </summary>
    public string AuthorizationHeaderValue { get; }

    public TimeProvider TimeProvider { get; }

    public long MaxResponseContentBytes { get; }

    /// <summary>The client's logger; a no-op one when no <see cref="PerplexityAsyncClientOptions.LoggerFactory"/> is set.</summary>
    public ILogger Logger { get; }

    /// <summary>The request budget's settings; null when the client has none.</summary>
    public Budget.RequestBudgetSettings? RequestBudget { get; }

    /// <summary>Whether an Agent run abandoned by its caller's token is cancelled on the server.</summary>
    public bool CancelAbandonedRuns { get; }

    /// <summary>Masks the API key in text that leaves the SDK (messages, logs, tags).</summary>
    public Redactor Redactor { get; }

    /// <summary>Masks the API key in <paramref name="text"/>: shorthand for <see cref="Redactor"/>.<see cref="Redactor.Redact"/>.</summary>
    public string? Redact(string? text) => Redactor.Redact(text);

    // Without the trailing slash, relative routes would replace the base address's last segment.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");

    private static string WithTrailingSlash(string prefix) =>
        prefix.EndsWith("/", StringComparison.Ordinal) ? prefix : prefix + "/";
}
