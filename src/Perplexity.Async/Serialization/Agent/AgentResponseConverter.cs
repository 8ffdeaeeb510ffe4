using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

using static Perplexity.Async.Serialization.Agent.AgentResponseMembers;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads and writes the Agent API's Response object by hand. Every poll of a run returns it, and the source generator
/// builds a record with <c>required</c>/<c>init</c> members through its parameterized-constructor path: an argument
/// array of 32 slots per envelope, every value-type member boxed into it, and the required-member bookkeeping, which
/// made a queued poll deserialize in about twice the bytes and time of plain DTOs (docs/benchmarks.md, "Agent API
/// deserialization"). The behaviour is the generated one, member for member:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>id</c>, <c>object</c>, <c>created_at</c>, <c>status</c>, <c>model</c> and <c>output</c> are required and
/// named when missing; a JSON <c>null</c> in <c>id</c> or <c>model</c> is refused, <c>object</c> and <c>output</c> read
/// <c>null</c> as their defaults, and a <c>null</c> output item is refused with its index.</item>
/// <item>The undocumented members are nullable and read <c>null</c> as <see langword="null"/>; a value of the wrong
/// kind is a <see cref="JsonException"/> naming the member.</item>
/// <item>Members come in any order, a repeated one's last value wins, and unknown members land in
/// <see cref="AgentResponse.AdditionalProperties"/>.</item>
/// <item>Writing puts all 32 keys in the service's (alphabetical) order, <c>null</c> where unset, then the unknown
/// members.</item>
/// </list>
/// <para>
/// Nested objects (output items, usage, error, incomplete details) are read by their own converters, called
/// directly; the echoed reasoning is read in the same pass (see ReadReasoning). Being a custom converter on the root
/// type, it makes the serializer buffer the whole body before <see cref="Read"/> runs; the transport reads a large
/// body with a buffer that holds it (<c>Serialization/LargeBodyTypeInfo</c>), so that costs one fast scan, and it
/// spares the re-scans of output items that straddle a small buffer.
/// </para>
/// <para>The members' names and the readers and writers per kind of value are in <see cref="AgentResponseMembers"/>.</para>
/// </remarks>
internal sealed class AgentResponseConverter : JsonConverter<AgentResponse>
{
    private static readonly UnixSecondsConverter Timestamps = new();
    private static readonly AgentResponseStatusConverter Statuses = new();
    private static readonly AgentModelNameConverter Models = new();
    private static readonly AgentServiceTierConverter ServiceTiers = new();
    private static readonly AgentEchoConverter Echoes = new();
    private static readonly AgentMetadataConverter Metadata = new();
    private static readonly AgentToolChoiceConverter ToolChoices = new();
    private static readonly AgentTruncationConverter Truncations = new();
    private static readonly AgentReasoningEffortConverter Efforts = new();

    public override AgentResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an Agent API response as an object but found {reader.TokenType}.");
        }

        bool? background = null;
        DateTimeOffset? completedAt = null;
        DateTimeOffset? createdAt = null;
        AgentError? error = null;
        double? frequencyPenalty = null;
        string? id = null;
        AgentIncompleteDetails? incompleteDetails = null;
        string? instructions = null;
        int? maxOutputTokens = null;
        int? maxToolCalls = null;
        IReadOnlyDictionary<string, string>? metadata = null;
        string? model = null;
        string? objectType = null;
        var hasObjectType = false;
        IReadOnlyList<AgentOutputItem>? output = null;
        var hasOutput = false;
        bool? parallelToolCalls = null;
        double? presencePenalty = null;
        string? previousResponseId = null;
        string? promptCacheKey = null;
        AgentReasoning? reasoning = null;
        string? safetyIdentifier = null;
        string? serviceTier = null;
        AgentResponseStatus? status = null;
        bool? store = null;
        double? temperature = null;
        JsonElement? text = null;
        AgentToolChoice? toolChoice = null;
        JsonElement? tools = null;
        int? topLogprobs = null;
        double? topP = null;
        AgentTruncation? truncation = null;
        AgentUsage? usage = null;
        string? user = null;
        Dictionary<string, JsonElement>? extras = null;

        var next = 0;
        while (reader.NextProperty())
        {
            var member = Find(ref reader, next);
            if (member < 0)
            {
                ExtensionProperties.Read(ref reader, ref extras);
                continue;
            }

            next = member + 1;
            reader.Read();
            switch (member)
            {
                case 0: background = ReadBoolean(ref reader, member); break;
                case 1: completedAt = reader.TokenType == JsonTokenType.Null ? null : Timestamps.Read(ref reader, typeof(DateTimeOffset), options); break;
                case 2: createdAt = Timestamps.Read(ref reader, typeof(DateTimeOffset), options); break;
                case 3: error = ReadObject<AgentError>(ref reader, options); break;
                case 4: frequencyPenalty = ReadDouble(ref reader, member); break;
                case 5: id = ReadString(ref reader, member) ?? throw NullNotAllowed(member); break;
                case 6: incompleteDetails = ReadObject<AgentIncompleteDetails>(ref reader, options); break;
                case 7: instructions = ReadString(ref reader, member); break;
                case 8: maxOutputTokens = ReadInt32(ref reader, member); break;
                case 9: maxToolCalls = ReadInt32(ref reader, member); break;
                case 10: metadata = reader.TokenType == JsonTokenType.Null ? null : Metadata.Read(ref reader, typeof(IReadOnlyDictionary<string, string>), options); break;
                case 11: model = ReadKnownString(ref reader, member, Models, options) ?? throw NullNotAllowed(member); break;
                case 12: objectType = ReadString(ref reader, member); hasObjectType = true; break;
                case 13: output = ReadOutput(ref reader, options); hasOutput = true; break;
                case 14: parallelToolCalls = ReadBoolean(ref reader, member); break;
                case 15: presencePenalty = ReadDouble(ref reader, member); break;
                case 16: previousResponseId = ReadString(ref reader, member); break;
                case 17: promptCacheKey = ReadString(ref reader, member); break;
                case 18: reasoning = ReadReasoning(ref reader, options); break;
                case 19: safetyIdentifier = ReadString(ref reader, member); break;
                case 20: serviceTier = ReadKnownString(ref reader, member, ServiceTiers, options); break;
                case 21: status = Statuses.Read(ref reader, typeof(AgentResponseStatus), options); break;
                case 22: store = ReadBoolean(ref reader, member); break;
                case 23: temperature = ReadDouble(ref reader, member); break;
                case 24: text = Echoes.Read(ref reader, typeof(JsonElement?), options); break;
                case 25: toolChoice = reader.TokenType == JsonTokenType.Null ? null : ToolChoices.Read(ref reader, typeof(AgentToolChoice), options); break;
                case 26: tools = Echoes.Read(ref reader, typeof(JsonElement?), options); break;
                case 27: topLogprobs = ReadInt32(ref reader, member); break;
                case 28: topP = ReadDouble(ref reader, member); break;
                case 29: truncation = reader.TokenType == JsonTokenType.Null ? (AgentTruncation?)null : Truncations.Read(ref reader, typeof(AgentTruncation), options); break;
                case 30: usage = ReadObject<AgentUsage>(ref reader, options); break;
                default: user = ReadString(ref reader, member); break;
            }
        }

        return new AgentResponse
        {
            Background = background,
            CompletedAt = completedAt,
            CreatedAt = createdAt ?? throw Missing(2),
            Error = error,
            FrequencyPenalty = frequencyPenalty,
            Id = id ?? throw Missing(5),
            IncompleteDetails = incompleteDetails,
            Instructions = instructions,
            MaxOutputTokens = maxOutputTokens,
            MaxToolCalls = maxToolCalls,
            Metadata = metadata,
            Model = model ?? throw Missing(11),
            ObjectType = hasObjectType ? objectType! : throw Missing(12),
            Output = hasOutput ? output! : throw Missing(13),
            ParallelToolCalls = parallelToolCalls,
            PresencePenalty = presencePenalty,
            PreviousResponseId = previousResponseId,
            PromptCacheKey = promptCacheKey,
            Reasoning = reasoning,
            SafetyIdentifier = safetyIdentifier,
            ServiceTier = serviceTier,
            Status = status ?? throw Missing(21),
            Store = store,
            Temperature = temperature,
            Text = text,
            ToolChoice = toolChoice,
            Tools = tools,
            TopLogprobs = topLogprobs,
            TopP = topP,
            Truncation = truncation,
            Usage = usage,
            User = user,
            AdditionalProperties = extras,
        };
    }

    public override void Write(Utf8JsonWriter writer, AgentResponse value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteBoolean(writer, 0, value.Background);
        WriteValue(writer, 1, value.CompletedAt, Timestamps, options);
        writer.WritePropertyName(Names[2]);
        Timestamps.Write(writer, value.CreatedAt, options);
        WriteObject(writer, 3, value.Error, options);
        WriteDouble(writer, 4, value.FrequencyPenalty);
        writer.WriteString(Names[5], value.Id);
        WriteObject(writer, 6, value.IncompleteDetails, options);
        writer.WriteString(Names[7], value.Instructions);
        WriteInt32(writer, 8, value.MaxOutputTokens);
        WriteInt32(writer, 9, value.MaxToolCalls);
        WriteReference(writer, 10, value.Metadata, Metadata, options);
        writer.WriteString(Names[11], value.Model);
        writer.WriteString(Names[12], value.ObjectType);
        writer.WritePropertyName(Names[13]);
        var items = OutputItems(options);
        writer.WriteStartArray();
        foreach (var item in value.Output)
        {
            items.Write(writer, item, options);
        }

        writer.WriteEndArray();
        WriteBoolean(writer, 14, value.ParallelToolCalls);
        WriteDouble(writer, 15, value.PresencePenalty);
        writer.WriteString(Names[16], value.PreviousResponseId);
        writer.WriteString(Names[17], value.PromptCacheKey);
        WriteObject(writer, 18, value.Reasoning, options);
        writer.WriteString(Names[19], value.SafetyIdentifier);
        writer.WriteString(Names[20], value.ServiceTier);
        writer.WritePropertyName(Names[21]);
        Statuses.Write(writer, value.Status, options);
        WriteBoolean(writer, 22, value.Store);
        WriteDouble(writer, 23, value.Temperature);
        writer.WritePropertyName(Names[24]);
        Echoes.Write(writer, value.Text, options);
        WriteReference(writer, 25, value.ToolChoice, ToolChoices, options);
        writer.WritePropertyName(Names[26]);
        Echoes.Write(writer, value.Tools, options);
        WriteInt32(writer, 27, value.TopLogprobs);
        WriteDouble(writer, 28, value.TopP);
        WriteValue(writer, 29, value.Truncation, Truncations, options);
        WriteObject(writer, 30, value.Usage, options);
        writer.WriteString(Names[31], value.User);
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static IReadOnlyList<AgentOutputItem> ReadOutput(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Array.Empty<AgentOutputItem>();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongKind(13, "an array", reader.TokenType);
        }

        JsonConverter<AgentOutputItem>? converter = null;
        List<AgentOutputItem>? items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items ??= [];
            converter ??= OutputItems(options);
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException($"Element {items.Count} of 'output' is null; the API documents an object or value there.");
            }

            items.Add(converter.Read(ref reader, typeof(AgentOutputItem), options)
                ?? throw new JsonException($"Element {items.Count} of 'output' is null; the API documents an object or value there."));
        }

        return items ?? (IReadOnlyList<AgentOutputItem>)Array.Empty<AgentOutputItem>();
    }

    /// <summary>
    /// The echoed <c>reasoning</c> (<c>{"effort":"high","summary":null}</c> on every poll), read here rather than through
    /// its generated metadata, whose parameterized-constructor path and separate read stack cost more than the rest of
    /// a queued envelope's members together. As generated: <c>effort</c> through its converter, anything else kept.
    /// </summary>
    private static AgentReasoning? ReadReasoning(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongKind(18, "an object", reader.TokenType);
        }

        AgentReasoningEffort? effort = null;
        Dictionary<string, JsonElement>? extras = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("effort"u8))
            {
                reader.Read();
                effort = reader.TokenType == JsonTokenType.Null ? (AgentReasoningEffort?)null : Efforts.Read(ref reader, typeof(AgentReasoningEffort), options);
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref extras);
            }
        }

        return new AgentReasoning { Effort = effort, AdditionalProperties = extras };
    }

    private static JsonConverter<AgentOutputItem> OutputItems(JsonSerializerOptions options) =>
        (JsonConverter<AgentOutputItem>)options.GetTypeInfo(typeof(AgentOutputItem)).Converter;
}
