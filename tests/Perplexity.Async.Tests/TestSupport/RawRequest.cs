namespace Perplexity.Async.Tests.TestSupport;

/// <summary>A request as the raw server read it.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The <c>Authorization</c> value the client sent, or an empty string.</summary>
    public string Authorization => Headers.TryGetValue("Authorization", out var value) ? value : string.Empty;
}
