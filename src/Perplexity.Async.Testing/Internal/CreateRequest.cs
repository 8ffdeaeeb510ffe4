namespace Perplexity.Async.Testing.Internal;

/// <summary>What the emulator takes from a create call's body.</summary>
internal sealed record CreateRequest
{
    public required string Model { get; init; }

    /// <summary>The text of the last user message; empty when there is none.</summary>
    public required string Prompt { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The <c>request</c> object exactly as sent; null for a job added in code.</summary>
    public string? RequestJson { get; init; }

    /// <summary>The request's <c>return_images</c>; null when not sent.</summary>
    public bool? ReturnImages { get; init; }

    /// <summary>The request's <c>return_related_questions</c>; null when not sent.</summary>
    public bool? ReturnRelatedQuestions { get; init; }
}
