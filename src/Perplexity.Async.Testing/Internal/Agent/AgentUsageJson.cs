using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Writes <c>usage</c> as the live API does: token counts with the undocumented <c>cached_tokens</c>,
/// <c>reasoning_tokens</c> and <c>fetch_url.token_usage</c>; tool keys by billing name (<c>search_web</c>,
/// <c>fetch_url</c>); a sparse <c>cost</c> that leaves out zero parts.
/// </summary>
internal static class AgentUsageJson
{
    public static void Write(Utf8JsonWriter writer, RunUsage usage)
    {
        writer.WriteStartObject();
        writer.WriteNumber("input_tokens", usage.InputTokens);
        writer.WriteStartObject("input_tokens_details");
        writer.WriteNumber("cached_tokens", usage.CachedTokens);
        writer.WriteEndObject();
        writer.WriteNumber("output_tokens", usage.OutputTokens);
        writer.WriteStartObject("output_tokens_details");
        writer.WriteNumber("reasoning_tokens", usage.ReasoningTokens);
        writer.WriteEndObject();
        writer.WriteNumber("total_tokens", usage.TotalTokens);
        if (usage.Searches + usage.Fetches > 0)
        {
            writer.WriteStartObject("tool_calls_details");
            if (usage.Searches > 0)
            {
                writer.WriteStartObject("search_web");
                writer.WriteNumber("invocation", usage.Searches);
                writer.WriteNumber("cost_usd", Normal(usage.SearchCost));
                writer.WriteEndObject();
            }

            if (usage.Fetches > 0)
            {
                writer.WriteStartObject("fetch_url");
                writer.WriteNumber("invocation", usage.Fetches);
                writer.WriteNumber("cost_usd", Normal(usage.FetchCost));
                WriteFetchTokens(writer, usage);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("cost");
        writer.WriteString("currency", "USD");
        Money(writer, "input_cost", usage.InputCost);
        Money(writer, "output_cost", usage.OutputCost);
        Money(writer, "cache_read_cost", usage.CacheReadCost);
        Money(writer, "tool_calls_cost", usage.ToolCallsCost);
        if (usage.ToolCallsCost > 0)
        {
            writer.WriteStartObject("tool_calls_cost_details");
            Money(writer, "search_web", usage.SearchCost);
            Money(writer, "fetch_url", usage.FetchCost);
            writer.WriteEndObject();
        }

        writer.WriteNumber("total_cost", Normal(usage.TotalCost));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFetchTokens(Utf8JsonWriter writer, RunUsage usage)
    {
        writer.WriteStartArray("token_usage");
        for (var i = 0; i < usage.Fetches; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("input_tokens", usage.FetchInputTokens / usage.Fetches);
            writer.WriteStartObject("input_tokens_details");
            writer.WriteNumber("cached_tokens", 0);
            writer.WriteEndObject();
            writer.WriteString("model", AgentCatalogue.FetchModel);
            writer.WriteNumber("output_tokens", usage.FetchOutputTokens / usage.Fetches);
            writer.WriteStartObject("output_tokens_details");
            writer.WriteNumber("reasoning_tokens", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a non-zero amount; zero parts are left out, as the live API does.</summary>
    private static void Money(Utf8JsonWriter writer, string name, decimal amount)
    {
        if (amount != 0)
        {
            writer.WriteNumber(name, Normal(amount));
        }
    }

    /// <summary>Drops trailing zeros (0.002500 → 0.0025), so amounts read as the API writes them.</summary>
    internal static decimal Normal(decimal amount) => amount / 1.000000000000000000000000000000000m;
}
