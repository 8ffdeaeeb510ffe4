using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.Testing.Agent;

/// <summary>A non-stream answer: status, parsed body and headers.</summary>
internal sealed record AgentAnswer(HttpStatusCode Status, JsonNode? Json, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode Error => Json!["error"]!;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>Asserts the Agent error envelope: message, type, integer code = status, and param when given.</summary>
    public void ShouldBeError(HttpStatusCode status, string message, string type, string? param = null)
    {
        Status.ShouldBe(status, Json?.ToJsonString());
        Error["message"]!.GetValue<string>().ShouldBe(message);
        Error["type"]!.GetValue<string>().ShouldBe(type);
        Error["code"]!.GetValue<int>().ShouldBe((int)status);
        if (param is null)
        {
            Error.AsObject().ContainsKey("param").ShouldBeFalse();
        }
        else
        {
            Error["param"]!.GetValue<string>().ShouldBe(param);
        }
    }
}
