using System.Net;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>An Agent API error answer: <c>{"error":{"message","type","code","param"?}}</c> with <c>code</c> = the status.</summary>
internal sealed record RunError(HttpStatusCode Status, string Message, string Type, string? Param = null)
{
    public static RunError Invalid(string message, string? param = null) => new(HttpStatusCode.BadRequest, message, "invalid_request", param);

    public static RunError UnknownField(string name) => Invalid($"invalid request body: json: unknown field \"{name}\"", name);

    public static RunError NotFound() => new(HttpStatusCode.NotFound, "resource not found", "not_found");
}
