using System;
using System.Net;
using System.Net.Http;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// The live service's answer on the retired Sonar routes since 2026-09-27, served when
/// <see cref="PerplexityEmulatorOptions.RetireLegacyRoutes"/> is set: 403 <c>chat_completions_not_available</c>.
/// </summary>
internal static class LegacyRetirement
{
    public const string Message =
        "Sonar is now the Agent API. Use /v1/responses instead of /v1/sonar. Migrate here: https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/overview";

    private static readonly string[] RetiredRoutes = [Routes.ChatCompletions, Routes.Sonar, "chat/completions", "v1/sonar"];

    /// <summary>Whether the path is a retired route or below one.</summary>
    public static bool IsRetired(Uri? uri, Uri baseAddress)
    {
        var basePath = baseAddress.AbsolutePath;
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : null;
        if (path is null || !path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.Substring(basePath.Length);
        return Array.Exists(RetiredRoutes, r => rest == r || rest.StartsWith(r + "/", StringComparison.Ordinal));
    }

    public static HttpResponseMessage Answer() =>
        RequestDispatcher.Json(HttpStatusCode.Forbidden, AgentJson.Error(new RunError(HttpStatusCode.Forbidden, Message, "chat_completions_not_available")));
}
