using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal;

/// <summary>One page of the list endpoint: the jobs, newest first, and the token of the next page.</summary>
internal sealed record ListPage(IReadOnlyList<JobRecord> Jobs, string? NextToken);
