namespace Perplexity.Async.Testing.Internal;

/// <summary>The route paths, as the API spells them (without slashes at either end).</summary>
internal static class Routes
{
    public const string Sonar = "v1/async/sonar";

    public const string ChatCompletions = "async/chat/completions";

    public static string PathOf(RouteFamily family) => family == RouteFamily.Sonar ? Sonar : ChatCompletions;
}
