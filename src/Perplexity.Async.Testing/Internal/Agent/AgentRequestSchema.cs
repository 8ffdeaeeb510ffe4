using System.Collections.Generic;
using static Perplexity.Async.Testing.Internal.Agent.AgentField;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// The fields the Agent create request accepts, top-level and nested, from the published schema (DOC-POST) plus the
/// opt-in fields of the migration guide. Anything else is an unknown field, as on the strict live API.
/// </summary>
internal static class AgentRequestSchema
{
    private static readonly AgentShape InputText = AgentShape.Of("InputText", ("type", String), ("text", String));
    private static readonly AgentShape InputImage = AgentShape.Of("InputImage", ("type", String), ("image_url", String));
    private static readonly AgentShape InputFile = AgentShape.Of("InputFile", ("type", String), ("filename", String), ("file_data", String), ("file_url", String));

    private static readonly AgentField ContentPart = VariantOf(Map(("input_text", InputText), ("input_image", InputImage), ("input_file", InputFile)));

    private static readonly AgentField OutputPart = VariantOf(Map(("input_text", InputText), ("input_image", InputImage)));

    private static readonly AgentShape InputMessage = AgentShape.Of("InputMessage", ("type", String), ("role", String), ("content", StringOrArrayOf(ContentPart)));

    private static readonly AgentShape FunctionCallInput = AgentShape.Of(
        "FunctionCallInput", ("type", String), ("call_id", String), ("name", String), ("arguments", String), ("thought_signature", String));

    private static readonly AgentShape FunctionCallOutputInput = AgentShape.Of(
        "FunctionCallOutputInput", ("type", String), ("call_id", String), ("output", StringOrArrayOf(OutputPart)), ("name", String),
        ("id", String), ("status", String), ("thought_signature", String));

    private static readonly AgentShape SearchFilters = AgentShape.Of(
        "WebSearchFilters", ("search_domain_filter", Strings), ("search_recency_filter", String), ("search_after_date_filter", String),
        ("search_before_date_filter", String), ("last_updated_after_filter", String), ("last_updated_before_filter", String));

    private static readonly AgentShape UserLocation = AgentShape.Of(
        "UserLocation", ("city", String), ("country", String), ("region", String), ("latitude", Number), ("longitude", Number));

    private static readonly AgentShape ImageFilters = AgentShape.Of(
        "ImageSearchFilters", ("domain_filter", Strings), ("format_filter", Strings), ("safe_search", Boolean));

    private static readonly Dictionary<string, AgentShape> Tools = Map(
        ("web_search", AgentShape.Of(
            "WebSearchTool", ("type", String), ("filters", ObjectOf(SearchFilters)), ("search_type", String), ("search_context_size", String),
            ("max_results", Integer), ("max_tokens", Integer), ("max_tokens_per_page", Integer), ("user_location", ObjectOf(UserLocation)))),
        ("image_search", AgentShape.Of("ImageSearchTool", ("type", String), ("max_results", Integer), ("filters", ObjectOf(ImageFilters)))),
        ("fetch_url", AgentShape.Of("FetchUrlTool", ("type", String), ("max_urls", Integer), ("total_budget_tokens", Integer))),
        ("finance_search", AgentShape.Of("FinanceSearchTool", ("type", String))),
        ("people_search", AgentShape.Of("PeopleSearchTool", ("type", String))),
        ("sandbox", AgentShape.Of("SandboxTool", ("type", String))),
        ("function", AgentShape.Of(
            "FunctionTool", ("type", String), ("name", String), ("description", String), ("parameters", Any), ("strict", Boolean))),
        ("mcp", AgentShape.Of(
            "McpTool", ("type", String), ("server_label", String), ("server_url", String), ("authorization", String), ("headers", StringMap),
            ("allowed_tools", Strings), ("defer_loading", Boolean))),
        ("connector", AgentShape.Of(
            "ConnectorTool", ("type", String), ("id", String), ("server_label", String), ("server_description", String), ("allowed_tools", Strings))));

    private static readonly Dictionary<string, AgentShape> Skills = Map(
        ("builtin", AgentShape.Of("BuiltinSkill", ("type", String), ("name", String))),
        ("inline", AgentShape.Of("InlineSkill", ("type", String), ("name", String), ("description", String), ("instructions", String))),
        ("custom", AgentShape.Of("CustomSkill", ("type", String), ("id", String), ("version", String))));

    /// <summary>The top-level request.</summary>
    public static readonly AgentShape Request = AgentShape.Of(
        "ResponsesRequest",
        ("input", StringOrArrayOf(VariantOf(Map(("message", InputMessage), ("function_call", FunctionCallInput), ("function_call_output", FunctionCallOutputInput)), "message"))),
        ("background", Boolean),
        ("instructions", String),
        ("language_preference", String),
        ("max_output_tokens", Integer),
        ("max_steps", Integer),
        ("model", String),
        ("models", Strings),
        ("preset", String),
        ("profile", ObjectOf(AgentShape.Of("ProfileReference", ("type", String), ("id", String), ("version", String)))),
        ("previous_response_id", String),
        ("reasoning", ObjectOf(AgentShape.Of("ReasoningConfig", ("effort", String)))),
        ("response_format", ObjectOf(AgentShape.Of(
            "ResponseFormat", ("type", String),
            ("json_schema", ObjectOf(AgentShape.Of("JSONSchemaFormat", ("name", String), ("schema", Any), ("description", String), ("strict", Boolean))))))),
        ("store", Boolean),
        ("stream", Boolean),
        ("tools", ArrayOf(VariantOf(Tools))),
        ("tool_choice", StringOrObject),
        ("skills", ArrayOf(VariantOf(Skills))),
        ("temperature", Number),
        ("top_p", Number),
        ("prompt_cache_key", String),
        ("service_tier", String),
        ("max_tool_calls", Integer.AsOptIn()),
        ("metadata", StringMap.AsOptIn()),
        ("truncation", String.AsOptIn()),
        ("parallel_tool_calls", Boolean.AsOptIn()),
        ("stream_options", ObjectOf(AgentShape.Of("StreamOptions", ("include_usage", Boolean))).AsOptIn()));

    /// <summary>Function names the API reserves for its built-in tools.</summary>
    public static readonly HashSet<string> ReservedFunctionNames = new(System.StringComparer.Ordinal)
    {
        "web_search", "search_web", "image_search", "search_images", "people_search", "search_people", "fetch_url", "finance_search", "sandbox",
    };

    private static Dictionary<string, AgentShape> Map(params (string Type, AgentShape Shape)[] variants)
    {
        var map = new Dictionary<string, AgentShape>(System.StringComparer.Ordinal);
        foreach (var (type, shape) in variants)
        {
            map[type] = shape;
        }

        return map;
    }
}
