using System;
using System.Text.RegularExpressions;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The Agent API's two equivalent route families, matched exactly below the base address.</summary>
internal static class AgentRoutes
{
    public const string Agent = "v1/agent";

    public const string Responses = "v1/responses";

    /// <summary>A well-formed response id, as a careful client validates it before building a path.</summary>
    private static readonly Regex WellFormedId = new("^resp_[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool IsWellFormedId(string id) => WellFormedId.IsMatch(id);

    /// <summary>Matches <c>{route}</c>, <c>{route}/{id}</c> and <c>{route}/{id}/cancel</c>; null for a path outside both routes.</summary>
    public static AgentRouteMatch? Match(Uri? uri, Uri baseAddress)
    {
        var basePath = baseAddress.AbsolutePath;
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : null;
        if (path is null || !path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.Substring(basePath.Length);
        foreach (var route in new[] { Agent, Responses })
        {
            if (rest == route)
            {
                return new AgentRouteMatch(route, AgentRouteKind.Collection, null);
            }

            if (!rest.StartsWith(route + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var segments = rest.Substring(route.Length + 1).Split('/');
            var id = Uri.UnescapeDataString(segments[0]);
            return segments.Length switch
            {
                1 when id.Length > 0 => new AgentRouteMatch(route, AgentRouteKind.Run, id),
                2 when id.Length > 0 && segments[1] == "cancel" => new AgentRouteMatch(route, AgentRouteKind.Cancel, id),
                _ => new AgentRouteMatch(route, AgentRouteKind.Unknown, null),
            };
        }

        return null;
    }
}
