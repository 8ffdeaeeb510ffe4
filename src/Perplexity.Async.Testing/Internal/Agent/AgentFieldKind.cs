namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The JSON a request field takes, as the live API's Go decoder types it.</summary>
internal enum AgentFieldKind
{
    String,
    Boolean,
    Integer,
    Number,

    /// <summary>Any JSON, not inspected (JSON schemas, free-form objects).</summary>
    Any,

    /// <summary>An object with a fixed set of fields (<see cref="AgentField.Shape"/>).</summary>
    Object,

    /// <summary>An array of <see cref="AgentField.Items"/>.</summary>
    Array,

    /// <summary>An object whose fields depend on its <c>type</c> (<see cref="AgentField.Variants"/>).</summary>
    Variant,

    /// <summary>An object of string values.</summary>
    StringMap,

    /// <summary>A string or an array of <see cref="AgentField.Items"/>.</summary>
    StringOrArray,

    /// <summary>A string or any object.</summary>
    StringOrObject,
}
