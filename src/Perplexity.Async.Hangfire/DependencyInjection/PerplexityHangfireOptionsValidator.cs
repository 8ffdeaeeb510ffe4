using System.Collections.Generic;
using Microsoft.Extensions.Options;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>Validates <see cref="PerplexityHangfireOptions"/> with the SDK's own polling rules.</summary>
internal sealed class PerplexityHangfireOptionsValidator : IValidateOptions<PerplexityHangfireOptions>
{
    public ValidateOptionsResult Validate(string? name, PerplexityHangfireOptions options)
    {
        var problems = new List<string>();
        if (options.Polling is { } polling)
        {
            foreach (var problem in PollingSettings.Validate(polling))
            {
                problems.Add(nameof(PerplexityHangfireOptions.Polling) + "." + problem);
            }
        }

        if (options.HandlerLockTimeout <= System.TimeSpan.Zero)
        {
            problems.Add($"{nameof(PerplexityHangfireOptions.HandlerLockTimeout)} must be positive; it is {options.HandlerLockTimeout}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
