using System;
using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>An object of the request schema: its Go type name (for error messages) and its fields.</summary>
internal sealed class AgentShape
{
    public AgentShape(string name, IReadOnlyDictionary<string, AgentField> fields)
    {
        Name = name;
        Fields = fields;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, AgentField> Fields { get; }

    public static AgentShape Of(string name, params (string Field, AgentField Kind)[] fields)
    {
        var map = new Dictionary<string, AgentField>(StringComparer.Ordinal);
        foreach (var (field, kind) in fields)
        {
            map[field] = kind;
        }

        return new AgentShape(name, map);
    }
}
