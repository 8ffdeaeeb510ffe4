using System.Collections.Concurrent;

namespace Perplexity.Async.Transport;

/// <summary>
/// The route templates of the requests (<c>v1/async/sonar/{api_request}</c>, <c>v1/responses/{response_id}/cancel</c>):
/// a handful per process, so each is built once and shared by every request, its logs, spans and metrics, instead of
/// being concatenated again on every call.
/// </summary>
internal static class RouteTemplates
{
    private static readonly ConcurrentDictionary<(string Route, string? IdName, string? Suffix), string> Built = new();

    /// <summary>The template of <paramref name="route"/>, with <c>{idName}</c> for the id when it has one, and the suffix.</summary>
    /// <param name="route">The route without the id (<c>v1/async/sonar</c>).</param>
    /// <param name="idName">The id's name in the template; null when the request has no id.</param>
    /// <param name="suffix">A last path segment after the id (<c>cancel</c>); null for none.</param>
    public static string Of(string route, string? idName, string? suffix) =>
        idName is null && suffix is null
            ? route
            : Built.GetOrAdd((route, idName, suffix), static key =>
                (key.IdName is null ? key.Route : key.Route + "/{" + key.IdName + "}") + (key.Suffix is null ? string.Empty : "/" + key.Suffix));
}
