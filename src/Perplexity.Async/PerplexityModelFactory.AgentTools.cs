using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async;

// The Agent API's tool output items (image, finance and people search, sandbox, MCP, share_file, skills, tool search)
// and the records they carry. Each takes the unknown properties only a deserialized item could otherwise hold.
public static partial class PerplexityModelFactory
{
    /// <summary>Builds a citation on a message's text.</summary>
    /// <param name="url">The cited page. Defaults to <c>https://example.com/</c>.</param>
    /// <param name="title">The cited page's title.</param>
    /// <param name="startIndex">Where the cited span starts in the text.</param>
    /// <param name="endIndex">Where the cited span ends in the text.</param>
    /// <param name="type">Defaults to <c>url_citation</c>.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentAnnotation AgentAnnotation(
        string? url = "https://example.com/",
        string? title = null,
        int? startIndex = null,
        int? endIndex = null,
        string? type = "url_citation",
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Type = type, Url = url, Title = title, StartIndex = startIndex, EndIndex = endIndex, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the results of one image search call.</summary>
    /// <param name="results">The images found. Defaults to none.</param>
    /// <param name="queries">The queries.</param>
    /// <param name="error">Set when the search failed: <c>image_search_failed</c>.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentImageSearchResultsOutputItem AgentImageSearchResultsOutputItem(
        IEnumerable<AgentImageResult>? results = null,
        IEnumerable<string>? queries = null,
        string? error = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            Results = results?.ToArray() ?? Array.Empty<AgentImageResult>(),
            Queries = queries?.ToArray(),
            Error = error,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds one image an image search found.</summary>
    /// <param name="imageUrl">The image address. Defaults to <c>https://example.com/image.png</c>.</param>
    /// <param name="originUrl">The page the image is on. Defaults to <c>https://example.com/</c>.</param>
    /// <param name="height">Its height in pixels. Defaults to 600.</param>
    /// <param name="width">Its width in pixels. Defaults to 800.</param>
    /// <param name="title">Its title.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentImageResult AgentImageResult(
        string imageUrl = "https://example.com/image.png",
        string originUrl = "https://example.com/",
        long height = 600,
        long width = 800,
        string? title = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { ImageUrl = imageUrl, OriginUrl = originUrl, Height = height, Width = width, Title = title, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the results of one finance search call.</summary>
    /// <param name="results">The data found. Defaults to none.</param>
    /// <param name="categories">The categories searched.</param>
    /// <param name="tickers">The tickers searched.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentFinanceResultsOutputItem AgentFinanceResultsOutputItem(
        IEnumerable<AgentFinanceResult>? results = null,
        IEnumerable<string>? categories = null,
        IEnumerable<string>? tickers = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            Results = results?.ToArray() ?? Array.Empty<AgentFinanceResult>(),
            Categories = categories?.ToArray(),
            Tickers = tickers?.ToArray(),
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds one piece of data a finance search found.</summary>
    /// <param name="category">Its category. Defaults to <c>quote</c>.</param>
    /// <param name="content">The data, as text. Defaults to an empty string.</param>
    /// <param name="sources">Where it came from.</param>
    /// <param name="tickers">The tickers it concerns.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentFinanceResult AgentFinanceResult(
        string category = "quote",
        string content = "",
        IEnumerable<string>? sources = null,
        IEnumerable<string>? tickers = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Category = category, Content = content, Sources = sources?.ToArray(), Tickers = tickers?.ToArray(), AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the results of one people search call.</summary>
    /// <param name="results">The profiles found. Defaults to none.</param>
    /// <param name="queries">The queries.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentPeopleSearchResultsOutputItem AgentPeopleSearchResultsOutputItem(
        IEnumerable<AgentSearchResult>? results = null,
        IEnumerable<string>? queries = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Id = id, Results = results?.ToArray() ?? Array.Empty<AgentSearchResult>(), Queries = queries?.ToArray(), AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds one run of the <c>sandbox</c> tool in the flat shape the API reference documents.</summary>
    /// <param name="status"><c>completed</c> (the default), <c>timed_out</c> or <c>failed</c>.</param>
    /// <param name="code">The code that ran.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="durationMs">How long it ran, in milliseconds.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentSandboxResultsOutputItem AgentSandboxResultsOutputItem(
        string status = "completed",
        string? code = null,
        string? stdout = null,
        string? stderr = null,
        int? exitCode = null,
        long? durationMs = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            Status = status,
            Code = code,
            Stdout = stdout,
            Stderr = stderr,
            ExitCode = exitCode,
            DurationMs = durationMs,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds one call of the <c>sandbox</c> tool in the nested shape of the official TypeScript SDK.</summary>
    /// <param name="results">One entry per execution. Defaults to none.</param>
    /// <param name="status"><c>completed</c> (the default) or <c>in_progress</c>, among others.</param>
    /// <param name="callId">Defaults to <c>call_test</c>.</param>
    /// <param name="code">The code that ran.</param>
    /// <param name="containerId">The sandbox container.</param>
    /// <param name="language">The code's language.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentSandboxResultsOutputItem AgentSandboxNestedResultsOutputItem(
        IEnumerable<AgentSandboxRun>? results = null,
        string status = "completed",
        string callId = "call_test",
        string? code = null,
        string? containerId = null,
        string? language = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            Status = status,
            CallId = callId,
            Code = code,
            ContainerId = containerId,
            Language = language,
            Results = results?.ToArray() ?? Array.Empty<AgentSandboxRun>(),
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds one execution in a nested sandbox item.</summary>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="durationMs">How long it ran, in milliseconds.</param>
    /// <param name="status">Defaults to <c>completed</c>.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentSandboxRun AgentSandboxRun(
        string? stdout = null,
        string? stderr = null,
        int? exitCode = null,
        long? durationMs = null,
        string? status = "completed",
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Stdout = stdout, Stderr = stderr, ExitCode = exitCode, DurationMs = durationMs, Status = status, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the tools an MCP server listed.</summary>
    /// <param name="tools">The tools. Defaults to none.</param>
    /// <param name="serverLabel">Defaults to <c>test_server</c>.</param>
    /// <param name="connectorId">The connector, for a connector tool.</param>
    /// <param name="error">Set when listing failed.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentMcpListToolsOutputItem AgentMcpListToolsOutputItem(
        IEnumerable<AgentMcpToolDefinition>? tools = null,
        string serverLabel = "test_server",
        string? connectorId = null,
        string? error = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            ServerLabel = serverLabel,
            ConnectorId = connectorId,
            Tools = tools?.ToArray() ?? Array.Empty<AgentMcpToolDefinition>(),
            Error = error,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds one tool an MCP server listed.</summary>
    /// <param name="name">Defaults to <c>test_tool</c>.</param>
    /// <param name="inputSchema">The arguments' JSON schema. Defaults to <c>{"type":"object"}</c>.</param>
    /// <param name="description">What the tool does.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentMcpToolDefinition AgentMcpToolDefinition(
        string name = "test_tool",
        JsonElement? inputSchema = null,
        string? description = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Name = name, InputSchema = inputSchema ?? ObjectSchema(), Description = description, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a call of an MCP server's tool.</summary>
    /// <param name="name">The tool's name. Defaults to <c>test_tool</c>.</param>
    /// <param name="arguments">The arguments as JSON text. Defaults to <c>{}</c>.</param>
    /// <param name="output">What the tool returned.</param>
    /// <param name="error">Set when the call failed.</param>
    /// <param name="serverLabel">Defaults to <c>test_server</c>.</param>
    /// <param name="connectorId">The connector, for a connector tool.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentMcpCallOutputItem AgentMcpCallOutputItem(
        string name = "test_tool",
        string arguments = "{}",
        string? output = null,
        string? error = null,
        string serverLabel = "test_server",
        string? connectorId = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            ServerLabel = serverLabel,
            ConnectorId = connectorId,
            Name = name,
            Arguments = arguments,
            Output = output,
            Error = error,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a file the agent shared.</summary>
    /// <param name="callId">Defaults to <c>call_test</c>.</param>
    /// <param name="fileId">The file's id.</param>
    /// <param name="filename">The file's name.</param>
    /// <param name="sizeBytes">The file's size.</param>
    /// <param name="url">Where to download it.</param>
    /// <param name="error">Set when sharing failed.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentShareFileOutputItem AgentShareFileOutputItem(
        string callId = "call_test",
        string? fileId = null,
        string? filename = null,
        long? sizeBytes = null,
        string? url = null,
        string? error = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            CallId = callId,
            FileId = fileId,
            Filename = filename,
            SizeBytes = sizeBytes,
            Url = url,
            Error = error,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds the item that says a skill was loaded.</summary>
    /// <param name="name">The skill's name. Defaults to <c>test_skill</c>.</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentSkillLoadedOutputItem AgentSkillLoadedOutputItem(
        string name = "test_skill", string? id = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Id = id, Name = name, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the tool definitions one hosted tool search matched.</summary>
    /// <param name="tools">The namespaces matched. Defaults to none.</param>
    /// <param name="status">Defaults to <c>completed</c>.</param>
    /// <param name="execution">Defaults to <c>server</c>.</param>
    /// <param name="arguments">The search's arguments as JSON text.</param>
    /// <param name="callId">Null for a hosted search (the default).</param>
    /// <param name="id">The item id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentToolSearchOutputItem AgentToolSearchOutputItem(
        IEnumerable<AgentToolNamespace>? tools = null,
        string status = "completed",
        string execution = "server",
        string? arguments = null,
        string? callId = null,
        string? id = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            CallId = callId,
            Execution = execution,
            Arguments = arguments,
            Tools = tools?.ToArray() ?? Array.Empty<AgentToolNamespace>(),
            Status = status,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a namespace of tools a tool search matched (one MCP server's tools).</summary>
    /// <param name="tools">Its tools. Defaults to none.</param>
    /// <param name="name">Defaults to <c>test_server</c>.</param>
    /// <param name="description">Defaults to an empty string.</param>
    /// <param name="type">Defaults to <c>namespace</c>.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentToolNamespace AgentToolNamespace(
        IEnumerable<AgentToolDefinition>? tools = null,
        string name = "test_server",
        string description = "",
        string type = "namespace",
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Type = type, Name = name, Description = description, Tools = tools?.ToArray() ?? Array.Empty<AgentToolDefinition>(), AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds one tool definition in a tool search's namespace.</summary>
    /// <param name="name">Defaults to <c>test_tool</c>.</param>
    /// <param name="type">Defaults to <c>function</c>.</param>
    /// <param name="description">What the tool does.</param>
    /// <param name="parameters">The arguments' JSON schema.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentToolDefinition AgentToolDefinition(
        string name = "test_tool",
        string type = "function",
        string? description = null,
        JsonElement? parameters = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Type = type, Name = name, Description = description, Parameters = parameters, AdditionalProperties = Copy(additionalProperties) };

    private static JsonElement ObjectSchema()
    {
        using var document = JsonDocument.Parse("{\"type\":\"object\"}");
        return document.RootElement.Clone();
    }
}
