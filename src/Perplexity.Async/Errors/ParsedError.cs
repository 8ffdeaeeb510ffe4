using System;
using System.Collections.Generic;

namespace Perplexity.Async.Errors;

/// <summary>What <see cref="ErrorResponseParser"/> understood of an error body.</summary>
internal sealed record ParsedError(string? Message, string? Type, string? Code, IReadOnlyList<ValidationError> ValidationErrors)
{
    /// <summary>The body's <c>error.param</c>: the request field the Agent API refused.</summary>
    public string? Param { get; init; }

    public static ParsedError Empty { get; } = new(null, null, null, Array.Empty<ValidationError>());
}
