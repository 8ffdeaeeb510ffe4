using System;

namespace Perplexity.Async.Hangfire.Jobs;

/// <summary>
/// A run's request as a Hangfire job argument: the SDK's own wire JSON (Hangfire's Json.NET would not keep the Agent
/// models' unions and extensible values), and a short label for the dashboard.
/// </summary>
internal static class RunRequest
{
    /// <summary>Validates <paramref name="request"/> as <c>CreateAsync</c> would, and writes it as the API's JSON.</summary>
    public static string Serialize(AgentRequest request, string paramName)
    {
        AgentRequestValidator.Validate(request, paramName);
        if (request.Stream == true)
        {
            throw new ArgumentException(
                $"{nameof(AgentRequest)}.{nameof(AgentRequest.Stream)} is true; a durable run is created in background mode and checked, not streamed.",
                paramName);
        }

        if (request.Background == false)
        {
            throw new ArgumentException(
                $"{nameof(AgentRequest)}.{nameof(AgentRequest.Background)} is false; a durable run is created in background mode (leave it null or true).",
                paramName);
        }

        return PerplexityJson.Serialize(request);
    }

    /// <summary>Reads a request written by <see cref="Serialize"/>.</summary>
    public static AgentRequest Deserialize(string json) => PerplexityJson.Deserialize<AgentRequest>(json);

    /// <summary>The model or preset and the start of the question, on one line.</summary>
    public static string Label(AgentRequest request)
    {
        var model = request.Preset?.ToString() ?? request.Model ?? (request.Models is { Count: > 0 } models ? models[0] : "agent");
        var text = request.Input.IsText ? request.Input.Text ?? string.Empty : $"{request.Input.Items.Count} input items";
        text = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        if (text.Length > PerplexityHangfireDefaults.LabelLength)
        {
            text = text.Remove(PerplexityHangfireDefaults.LabelLength - 1) + "…";
        }

        return model + ": " + text;
    }
}
