using System.IO;
using System.Text.RegularExpressions;

namespace Perplexity.Async.Docs.Tests;

/// <summary>The README (and the docs it links) as a user reads it: every C# block compiles, every link resolves.</summary>
public sealed partial class ReadmeSnippetTests
{
    /// <summary>Every C# block of every checked Markdown file, as (file, line of its fence).</summary>
    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in MarkdownSnippets.Files)
        {
            foreach (var snippet in MarkdownSnippets.In(file))
            {
                data.Add(file, snippet.Line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_EveryCSharpBlock_CompilesAgainstThePackages(string file, int line)
    {
        var snippet = MarkdownSnippets.In(file).Single(s => s.Line == line);

        var problems = SnippetCompiler.Diagnose(snippet);

        problems.ShouldBeEmpty($"{snippet} does not compile:\n{snippet.Code}");
    }

    [Fact]
    public void Readme_CSharpBlocks_AreManyEnoughToBeTheWholeGuide()
    {
        MarkdownSnippets.In("README.md").Count.ShouldBeGreaterThanOrEqualTo(12, "the parser found the README's C# blocks");
    }

    [Fact]
    public void Readme_FirstScreen_HasExactlyTwoSetUpCommandsSampleThenTests()
    {
        var readme = MarkdownSnippets.Read("README.md");
        var firstBlock = FirstBashBlock().Match(readme);

        firstBlock.Success.ShouldBeTrue("the README opens with a bash block of set-up commands");
        var commands = firstBlock.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
        commands.Count.ShouldBe(2);
        commands[0].ShouldStartWith("dotnet run --project samples/DeepResearch");
        commands[1].ShouldBe("dotnet test");
        readme[..firstBlock.Index].Split('\n').Length.ShouldBeLessThan(25, "the commands are on the first screen");
    }

    [Fact]
    public void Readme_QuickStart_IsOneCSharpBlockBetweenTheMarkersTheConsumeCheckRuns()
    {
        var readme = MarkdownSnippets.Read("README.md");
        var start = readme.IndexOf("<!-- quickstart -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /quickstart -->", StringComparison.Ordinal);

        start.ShouldBeGreaterThan(0);
        end.ShouldBeGreaterThan(start);
        var between = MarkdownSnippets.Parse("README.md", readme[start..end]);
        var quickStart = between.ShouldHaveSingleItem();
        quickStart.Context.ShouldBeNull("the Quick start runs as pasted, with nothing declared for it");
        quickStart.Code.ShouldContain("client.Agent.CreateAsync");
        quickStart.Code.ShouldContain("WaitForCompletionAsync");
    }

    [Fact]
    public void Readme_RelativeLinks_PointToFilesThatExistInTheRepository()
    {
        var root = RepositoryRoot();
        var missing = new List<string>();
        foreach (var file in MarkdownSnippets.Files)
        {
            var folder = Path.GetDirectoryName(Path.Combine(root, file))!;
            foreach (Match link in RelativeLink().Matches(MarkdownSnippets.Read(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length > 0 && !File.Exists(Path.Combine(folder, target)) && !Directory.Exists(Path.Combine(folder, target)))
                {
                    missing.Add($"{file}: {target}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Diagnose_SnippetThatDoesNotCompile_ReportsTheErrorOnItsMarkdownLine()
    {
        var snippet = new MarkdownSnippet("README.md", 10, null, "using System;\n\nint answer = \"forty-two\";");

        var problems = SnippetCompiler.Diagnose(snippet);

        problems.ShouldHaveSingleItem().ShouldStartWith("README.md:13: CS0029");
    }

    [Fact]
    public void Diagnose_SnippetUsingTheClientContext_SeesItsClientAndToken()
    {
        var snippet = new MarkdownSnippet("README.md", 1, "client", "using Perplexity.Async;\n\nAgentResponse now = await client.Agent.GetAsync(runId, ct);");

        SnippetCompiler.Diagnose(snippet).ShouldBeEmpty();
    }

    [Fact]
    public void Diagnose_UnknownContext_ThrowsNamingIt()
    {
        var snippet = new MarkdownSnippet("README.md", 1, "nope", "int x = 1;");

        Should.Throw<ArgumentException>(() => SnippetCompiler.Diagnose(snippet)).Message.ShouldContain("'nope'");
    }

    [Fact]
    public void Parse_ContextCommentAboveTheFence_IsTheSnippetsContext()
    {
        var snippets = MarkdownSnippets.Parse("x.md", "text\n<!-- snippet: client -->\n\n```csharp\nvar a = 1;\n```\n```json\n{}\n```\n```csharp\nvar b = 2;\n```\n");

        snippets.Count.ShouldBe(2);
        snippets[0].ShouldBe(new MarkdownSnippet("x.md", 4, "client", "var a = 1;"));
        snippets[1].Context.ShouldBeNull();
        snippets[1].Line.ShouldBe(10);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Perplexity.Async.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Perplexity.Async.sln is not above the test's folder.");
    }

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstBashBlock();

    [GeneratedRegex(@"\]\((?<target>(?!https?:|mailto:|#)[^)\s]+)\)")]
    private static partial Regex RelativeLink();
}
