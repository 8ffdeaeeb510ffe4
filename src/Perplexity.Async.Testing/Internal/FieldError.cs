using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal;

/// <summary>One entry of a FastAPI 422 body: <c>{"loc": [...], "msg": "...", "type": "..."}</c>.</summary>
internal sealed record FieldError(IReadOnlyList<object> Location, string Message, string Type);
