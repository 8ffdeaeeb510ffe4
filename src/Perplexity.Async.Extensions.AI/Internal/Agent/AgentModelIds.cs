using System;
using System.Collections.Generic;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Reads a Microsoft.Extensions.AI model id on the Agent route: <c>provider/model</c> (it has a <c>/</c>) is a model,
/// anything else a preset; the retired Sonar model names become the preset Perplexity's migration guide names for them.
/// </summary>
internal static class AgentModelIds
{
    // Perplexity's migration guide (models-and-presets): the closest preset of each Sonar model.
    private static readonly Dictionary<string, string> SonarPresets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sonar"] = "fast",
        ["sonar-pro"] = "low",
        ["sonar-reasoning"] = "low",
        ["sonar-reasoning-pro"] = "low",
        ["sonar-deep-research"] = "medium",
    };

    /// <summary>Whether <paramref name="modelId"/> names a model (<c>provider/model</c>) rather than a preset.</summary>
    public static bool IsModel(string modelId) => modelId.IndexOf('/') >= 0;

    /// <summary>The preset a model id that is not a <c>provider/model</c> stands for.</summary>
    public static string PresetOf(string modelId) =>
        SonarPresets.TryGetValue(modelId.Trim(), out var preset) ? preset : modelId.Trim();
}
