using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Perplexity.Async.Docs.Tests;

/// <summary>Compiles a snippet as a user's project would: top-level statements, nullable on, the packages it names.</summary>
public static class SnippetCompiler
{
    // Warnings a user's project would not see, or that say nothing about the snippet (assembly unification).
    private static readonly HashSet<string> IgnoredWarnings = new(StringComparer.Ordinal) { "CS1701", "CS1702", "CS1705" };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>The errors and warnings of compiling <paramref name="snippet"/>, each with its line in the Markdown file.</summary>
    /// <exception cref="ArgumentException">The snippet names a context that does not exist.</exception>
    public static IReadOnlyList<string> Diagnose(MarkdownSnippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var context = SnippetContexts.Get(snippet.Context);
        var (source, usings, preludeLength) = Assemble(snippet, context);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parse, path: snippet.File);
        var implicitUsings = SnippetContexts.ConsoleImplicitUsings.Concat(context.Web ? SnippetContexts.WebImplicitUsings : [])
            .Select(u => $"global using global::{u};");
        var globals = CSharpSyntaxTree.ParseText(string.Join('\n', implicitUsings), parse, path: "ImplicitUsings.g.cs");
        var hasStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree, globals],
            References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable));

        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && !IgnoredWarnings.Contains(d.Id) && !InPrelude(d)))
            .Select(d => $"{snippet.File}:{MarkdownLine(d)}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

        // A context declares more than each snippet uses: its own warnings (an unused variable) are not the snippet's.
        bool InPrelude(Diagnostic d) => d.Location.SourceTree == tree && Line(d) >= usings && Line(d) < usings + preludeLength;

        int MarkdownLine(Diagnostic d)
        {
            if (d.Location.SourceTree != tree)
            {
                return snippet.Line;
            }

            var line = Line(d);
            return line < usings ? snippet.Line + 1 + line
                : line < usings + preludeLength ? snippet.Line
                : snippet.Line + 1 + line - preludeLength;
        }

        static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line;
    }

    // The snippet's using directives first, then the context's statements, then the rest of the snippet.
    private static (string Source, int Usings, int PreludeLength) Assemble(MarkdownSnippet snippet, SnippetContext context)
    {
        var lines = snippet.Code.Split('\n');
        var usings = 0;
        while (usings < lines.Length && IsUsingDirectiveOrBlank(lines[usings]))
        {
            usings++;
        }

        var prelude = context.Prelude.Length == 0 ? [] : context.Prelude.Split('\n');
        var source = string.Join('\n', lines.Take(usings).Concat(prelude).Concat(lines.Skip(usings)));
        return (source, usings, prelude.Length);

        static bool IsUsingDirectiveOrBlank(string line)
        {
            var t = line.Trim();
            return t.Length == 0 || t.StartsWith("//", StringComparison.Ordinal)
                || (t.StartsWith("using ", StringComparison.Ordinal) && !t.StartsWith("using var ", StringComparison.Ordinal)
                    && !t.Contains('(', StringComparison.Ordinal) && t.EndsWith(';'));
        }
    }

    private static List<MetadataReference> LoadReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in trusted.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")))
        {
            var name = Path.GetFileName(path);
            if (!paths.ContainsKey(name) && IsManaged(path) && !name.StartsWith("Perplexity.Async.Docs.Tests", StringComparison.Ordinal))
            {
                paths[name] = path;
            }
        }

        return paths.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();

        static bool IsManaged(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new PEReader(stream);
                return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
