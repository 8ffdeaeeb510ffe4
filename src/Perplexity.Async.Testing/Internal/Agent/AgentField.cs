using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>One field of a request shape: its kind, and what is nested in it.</summary>
internal sealed class AgentField
{
    private AgentField(AgentFieldKind kind) => Kind = kind;

    public AgentFieldKind Kind { get; private init; }

    public AgentShape? Shape { get; private init; }

    public AgentField? Items { get; private init; }

    /// <summary>The shapes of a variant by <c>type</c>; <see cref="DefaultVariant"/> when <c>type</c> is absent.</summary>
    public IReadOnlyDictionary<string, AgentShape>? Variants { get; private init; }

    public string? DefaultVariant { get; private init; }

    /// <summary>A field the published schema lacks; unknown unless the emulator accepts opt-in fields.</summary>
    public bool OptIn { get; private init; }

    public static readonly AgentField String = new(AgentFieldKind.String);
    public static readonly AgentField Boolean = new(AgentFieldKind.Boolean);
    public static readonly AgentField Integer = new(AgentFieldKind.Integer);
    public static readonly AgentField Number = new(AgentFieldKind.Number);
    public static readonly AgentField Any = new(AgentFieldKind.Any);
    public static readonly AgentField StringMap = new(AgentFieldKind.StringMap);
    public static readonly AgentField StringOrObject = new(AgentFieldKind.StringOrObject);
    public static readonly AgentField Strings = ArrayOf(String);

    public static AgentField ObjectOf(AgentShape shape) => new(AgentFieldKind.Object) { Shape = shape };

    public static AgentField ArrayOf(AgentField items) => new(AgentFieldKind.Array) { Items = items };

    public static AgentField StringOrArrayOf(AgentField items) => new(AgentFieldKind.StringOrArray) { Items = items };

    public static AgentField VariantOf(IReadOnlyDictionary<string, AgentShape> variants, string? defaultVariant = null) =>
        new(AgentFieldKind.Variant) { Variants = variants, DefaultVariant = defaultVariant };

    public AgentField AsOptIn() => new(Kind) { Shape = Shape, Items = Items, Variants = Variants, DefaultVariant = DefaultVariant, OptIn = true };
}
