using System;
using System.Reflection;

namespace Perplexity.Async.Internal;

/// <summary>
/// The settings a client runs with: copied and validated from <see cref="PerplexityAsyncClientOptions"/> once,
/// so a later change to the options object cannot change a live client.
/// </summary>
internal sealed class ClientSettings
{
    public static readonly string UserAgent = "Perplexity.Async/" + GetVersion();

    private static readonly PerplexityAsyncClientOptionsValidator Validator = new();

    public ClientSettings(PerplexityAsyncClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var result = Validator.Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid Perplexity client options: " + result.FailureMessage, nameof(options));
        }

        ApiKey = PerplexityAsyncClientOptionsValidator.ResolveApiKey(options)!;
        BaseAddress = WithTrailingSlash(options.BaseAddress);
        RequestUriPrefix = WithTrailingSlash(BaseAddress.GetLeftPart(UriPartial.Path));
        AuthorizationHeaderValue = "Bearer " + ApiKey;
        TimeProvider = options.TimeProvider;
        MaxResponseContentBytes = options.MaxResponseContentBytes;
    }

    public string ApiKey { get; }

    public Uri BaseAddress { get; }

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

    /// <summary>Removes the API key from text that came from outside (an echoed error body).</summary>
    public string? Redact(string? text) =>
        text is null || ApiKey.Length == 0 || text.IndexOf(ApiKey, StringComparison.Ordinal) < 0
            ? text
            : text.Replace(ApiKey, "[REDACTED]");

    // Without the trailing slash, relative routes would replace the base address's last segment.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");

    private static string WithTrailingSlash(string prefix) =>
        prefix.EndsWith("/", StringComparison.Ordinal) ? prefix : prefix + "/";

    private static string GetVersion()
    {
        var assembly = typeof(ClientSettings).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
