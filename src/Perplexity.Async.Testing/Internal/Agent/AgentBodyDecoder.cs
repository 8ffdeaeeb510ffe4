using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// The first pass over a create body, as the live API's strict decoder makes it: every field, top-level or nested,
/// must be known (400 <c>json: unknown field "X"</c>, <c>param</c> = the field) and of the right JSON type. A
/// <c>null</c> is accepted for any field and means "not sent", as Go's decoder reads it.
/// </summary>
internal static class AgentBodyDecoder
{
    private const string Root = "ResponsesRequest";

    public static RunError? Check(JsonElement root, bool acceptsOptInFields)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RunError.Invalid($"invalid request body: json: cannot unmarshal {KindOf(root)} into Go value of type {Root}");
        }

        return CheckObject(root, AgentRequestSchema.Request, acceptsOptInFields, Root);
    }

    private static RunError? CheckObject(JsonElement value, AgentShape shape, bool optIn, string path)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (!shape.Fields.TryGetValue(property.Name, out var field) || (field.OptIn && !optIn))
            {
                return RunError.UnknownField(property.Name);
            }

            if (shape == AgentRequestSchema.Request && property.Name == "input" && property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
            {
                // The live API answers an input of the wrong type with its (misleading) empty-array message.
                return RunError.Invalid(AgentInputReader.EmptyArray, "input");
            }

            if (CheckValue(property.Value, field, optIn, path + "." + property.Name, property.Name) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static RunError? CheckValue(JsonElement value, AgentField field, bool optIn, string path, string name)
    {
        if (value.ValueKind == JsonValueKind.Null || field.Kind == AgentFieldKind.Any)
        {
            return null;
        }

        switch (field.Kind)
        {
            case AgentFieldKind.String:
                return value.ValueKind == JsonValueKind.String ? null : Mismatch(value, path, "string", name);
            case AgentFieldKind.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(value, path, "bool", name);
            case AgentFieldKind.Integer:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : Mismatch(value, path, "int", name);
            case AgentFieldKind.Number:
                return value.ValueKind == JsonValueKind.Number ? null : Mismatch(value, path, "float64", name);
            case AgentFieldKind.StringOrObject:
                return value.ValueKind is JsonValueKind.String or JsonValueKind.Object ? null : Mismatch(value, path, "ToolChoice", name);
            case AgentFieldKind.StringMap:
                return CheckStringMap(value, path, name);
            case AgentFieldKind.Object:
                return value.ValueKind == JsonValueKind.Object ? CheckObject(value, field.Shape!, optIn, path) : Mismatch(value, path, field.Shape!.Name, name);
            case AgentFieldKind.Variant:
                return CheckVariant(value, field, optIn, path, name);
            case AgentFieldKind.StringOrArray when value.ValueKind == JsonValueKind.String:
                return null;
            default:
                return value.ValueKind == JsonValueKind.Array ? CheckItems(value, field.Items!, optIn, path, name) : Mismatch(value, path, "[]" + TypeOf(field.Items!), name);
        }
    }

    private static RunError? CheckItems(JsonElement array, AgentField items, bool optIn, string path, string name)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (CheckValue(item, items, optIn, path, name) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static RunError? CheckVariant(JsonElement value, AgentField field, bool optIn, string path, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Mismatch(value, path, "object", name);
        }

        string? type = field.DefaultVariant;
        if (value.TryGetProperty("type", out var typeValue) && typeValue.ValueKind != JsonValueKind.Null)
        {
            if (typeValue.ValueKind != JsonValueKind.String)
            {
                return Mismatch(typeValue, path + ".type", "string", "type");
            }

            type = typeValue.GetString();
        }

        if (type is null)
        {
            return RunError.Invalid($"validation failed: {name}: type is required", "type");
        }

        return field.Variants!.TryGetValue(type, out var shape)
            ? CheckObject(value, shape, optIn, path)
            : RunError.Invalid($"invalid request body: unsupported {name} type \"{type}\"", "type");
    }

    private static RunError? CheckStringMap(JsonElement value, string path, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Mismatch(value, path, "map[string]string", name);
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                return Mismatch(entry.Value, path, "string", name);
            }
        }

        return null;
    }

    private static RunError Mismatch(JsonElement value, string path, string goType, string name)
    {
        var kind = KindOf(value);
        if (value.ValueKind == JsonValueKind.Number)
        {
            kind += " " + value.GetRawText();
        }

        return RunError.Invalid($"invalid request body: json: cannot unmarshal {kind} into Go struct field {path} of type {goType}", name);
    }

    private static string TypeOf(AgentField field) => field.Kind switch
    {
        AgentFieldKind.String => "string",
        AgentFieldKind.Variant => "object",
        _ => field.Kind.ToString().ToLowerInvariant(),
    };

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
