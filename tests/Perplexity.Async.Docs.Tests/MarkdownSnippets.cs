using System.IO;
using System.Text.RegularExpressions;

namespace Perplexity.Async.Docs.Tests;

/// <summary>Finds the fenced C# blocks of the Markdown files copied next to the tests.</summary>
public static partial class MarkdownSnippets
{
    /// <summary>The Markdown files whose C# blocks must compile, relative to the repository root.</summary>
    public static readonly string[] Files = ["README.md", "docs/async-chat-completions.md"];

    /// <summary>The text of <paramref name="file"/> as copied into the test's output folder.</summary>
    public static string Read(string file) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", file));

    /// <summary>Every <c>```csharp</c> block of <paramref name="file"/>, in order.</summary>
    public static IReadOnlyList<MarkdownSnippet> In(string file) => Parse(file, Read(file));

    /// <summary>Every <c>```csharp</c> block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<MarkdownSnippet> Parse(string file, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimEnd();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = fence[3..].Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimEnd().StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new InvalidDataException($"{file}:{start + 1}: the code block is never closed.");
            }

            if (language is "csharp" or "cs" or "c#")
            {
                snippets.Add(new MarkdownSnippet(file, start + 1, ContextAbove(lines, start), string.Join('\n', body)));
            }
        }

        return snippets;
    }

    private static string? ContextAbove(string[] lines, int fence)
    {
        var above = fence - 1;
        while (above >= 0 && lines[above].Trim().Length == 0)
        {
            above--;
        }

        if (above < 0)
        {
            return null;
        }

        var match = ContextComment().Match(lines[above]);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<name>[a-z-]+)\s*-->\s*$")]
    private static partial Regex ContextComment();
}
