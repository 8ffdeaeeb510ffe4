using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// Checks <see cref="PerplexityAsyncClientOptions"/>: an API key is available, the base address is absolute and
/// HTTPS (or loopback), and limits are positive. Used by the client's constructors and, with
/// <c>ValidateOnStart</c>, by dependency injection, so a bad setting fails at start-up with its name.
/// </summary>
internal sealed class PerplexityAsyncClientOptionsValidator : IValidateOptions<PerplexityAsyncClientOptions>
{
    private static readonly char[] HeaderBreakingCharacters = ['\r', '\n', '\0'];

    private readonly Dictionary<string, ClientRegistration> _registrations;

    /// <summary>Creates the validator the client's constructors use: messages name settings, not a registration.</summary>
    public PerplexityAsyncClientOptionsValidator()
        : this([])
    {
    }

    /// <summary>Creates the validator dependency injection uses: messages also name the client and its configuration.</summary>
    /// <param name="registrations">One per <c>AddPerplexityAsync</c> call.</param>
    public PerplexityAsyncClientOptionsValidator(IEnumerable<ClientRegistration> registrations)
    {
        _registrations = new Dictionary<string, ClientRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations ?? Enumerable.Empty<ClientRegistration>())
        {
            _registrations[registration.Name] = registration;
        }
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, PerplexityAsyncClientOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The options are null.");
        }

        var failures = new List<string>();
        _registrations.TryGetValue(name ?? Options.DefaultName, out var registration);
        Collect(options, registration, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds a message naming the setting for each problem found.</summary>
    private static void Collect(PerplexityAsyncClientOptions options, ClientRegistration? registration, List<string> failures)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (failures is null)
        {
            throw new ArgumentNullException(nameof(failures));
        }

        var apiKey = ResolveApiKey(options);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            const string Variable = PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable;
            failures.Add(registration is null
                ? $"{nameof(options.ApiKey)} is not set and the {Variable} environment variable is empty: set "
                  + $"PerplexityAsyncClientOptions.{nameof(options.ApiKey)}, or {Variable}."
                : $"{nameof(options.ApiKey)} is not set for {registration.Describe()} and the {Variable} environment variable is "
                  + $"empty: {registration.WhereTheKeyGoes()}, or {Variable}.");
        }
        else if (apiKey!.IndexOfAny(HeaderBreakingCharacters) >= 0)
        {
            // The key travels in the Authorization header; a line break there would start a new header.
            failures.Add($"{nameof(options.ApiKey)} contains a line break or NUL character, which a header value cannot carry.");
        }

        var address = options.BaseAddress;
        if (address is null)
        {
            failures.Add($"{nameof(options.BaseAddress)} is null.");
        }
        else if (!address.IsAbsoluteUri)
        {
            failures.Add($"{nameof(options.BaseAddress)} '{address}' is not an absolute URI.");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
        {
            failures.Add($"{nameof(options.BaseAddress)} '{address}' must use HTTPS (plain HTTP is allowed only for loopback addresses), so the API key is never sent in clear text.");
        }

        if (options.TimeProvider is null)
        {
            failures.Add($"{nameof(options.TimeProvider)} is null.");
        }

        RetryOptionsRules.Collect(options, failures);
        Budget.RequestBudgetRules.Collect(options.RequestBudget, failures);

        if (options.MaxResponseContentBytes <= 0)
        {
            failures.Add($"{nameof(options.MaxResponseContentBytes)} must be positive; it is {options.MaxResponseContentBytes}.");
        }

        if (options.Polling is { } polling)
        {
            foreach (var problem in PollingSettings.Validate(polling))
            {
                failures.Add($"{nameof(options.Polling)}.{problem}");
            }
        }
    }

    internal static string? ResolveApiKey(PerplexityAsyncClientOptions options) =>
        string.IsNullOrWhiteSpace(options.ApiKey)
            ? Environment.GetEnvironmentVariable(PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable)
            : options.ApiKey;
}
