using Perplexity.Async;

namespace Snippets;

/// <summary>The command line: <c>Snippets &lt;snippet-name&gt; [job-id]</c>, or <c>all</c>; free of <see cref="Console"/> for tests.</summary>
internal static class SnippetsApp
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(
        string[] args, SnippetBackend backend, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var name = args.Length > 0 ? args[0] : null;
        var snippets = name is "all" ? SnippetCatalog.All : SnippetCatalog.Find(name ?? string.Empty) is { } one ? [one] : null;
        if (snippets is null)
        {
            PrintUsage(name is null || name is "-h" or "--help" ? output : error, name);
            return name is null || name is "-h" or "--help" ? Success : Usage;
        }

        output.WriteLine(backend.Description);
        try
        {
            foreach (var snippet in snippets)
            {
                output.WriteLine();
                output.WriteLine($"== {snippet.Name}: {snippet.Summary}");
                await SnippetCatalog.RunAsync(snippet, backend, args.Length > 1 ? args[1] : null, output, cancellationToken);
            }

            return Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Cancelled: stopped waiting. Jobs keep running on the server.");
            return Cancelled;
        }
        catch (PerplexityException ex)
        {
            error.WriteLine($"Error: {ex.Message}");
            return Failed;
        }
    }

    private static void PrintUsage(TextWriter writer, string? name)
    {
        if (name is not null and not ("-h" or "--help"))
        {
            writer.WriteLine($"Unknown snippet '{name}'.");
        }

        writer.WriteLine("usage: dotnet run --project samples/Snippets -- <snippet-name> [job-id]   (or: all)");
        foreach (var snippet in SnippetCatalog.All)
        {
            writer.WriteLine($"  {snippet.Name,-22} {snippet.Summary}");
        }

        writer.WriteLine("PERPLEXITY_API_KEY set: the Perplexity API; unset: the offline emulator.");
    }
}
