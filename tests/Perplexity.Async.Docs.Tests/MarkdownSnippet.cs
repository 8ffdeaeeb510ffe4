namespace Perplexity.Async.Docs.Tests;

/// <summary>One fenced <c>csharp</c> block of a Markdown file, with where it starts and the context it asks for.</summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Context">The name given by a <c>&lt;!-- snippet: name --&gt;</c> comment just above the fence, or null.</param>
/// <param name="Code">The block's text.</param>
public sealed record MarkdownSnippet(string File, int Line, string? Context, string Code)
{
    /// <summary>Shown by the test runner for each case: where to look when it fails.</summary>
    public override string ToString() => $"{File}:{Line}" + (Context is null ? "" : $" ({Context})");
}
