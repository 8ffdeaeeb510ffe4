using System;

namespace Perplexity.Async.Transport;

/// <summary>
/// What one <c>AddPerplexityAsync</c> call registered: the client's name (its service key and options name; empty for
/// the unkeyed client) and the configuration section it binds, so a message can say which client and which setting.
/// </summary>
internal sealed class ClientRegistration
{
    public ClientRegistration(string name, string? configurationPath)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ConfigurationPath = configurationPath;
    }

    /// <summary>The service key and options name; empty for the unkeyed client.</summary>
    public string Name { get; }

    /// <summary>The path of the bound configuration section (<c>Perplexity:Research</c>); null when configured in code.</summary>
    public string? ConfigurationPath { get; }

    /// <summary>Names the client for a message: <c>the Perplexity client 'research'</c>.</summary>
    public string Describe() =>
        Name.Length == 0 ? "the Perplexity client of AddPerplexityAsync" : $"the Perplexity client '{Name}'";

    /// <summary>Where its API key is set: the configuration key, or the configure callback.</summary>
    public string WhereTheKeyGoes() =>
        ConfigurationPath is { } path
            ? $"set {Key(path, ":")} in configuration (as an environment variable: {Key(path.Replace(":", "__"), "__")})"
            : Name.Length == 0
                ? "set ApiKey in the callback of AddPerplexityAsync(o => o.ApiKey = …)"
                : $"set ApiKey in the callback of AddPerplexityAsync(\"{Name}\", o => o.ApiKey = …)";

    private static string Key(string section, string separator) =>
        section.Length == 0 ? nameof(PerplexityAsyncClientOptions.ApiKey) : section + separator + nameof(PerplexityAsyncClientOptions.ApiKey);
}
