using System.IO;
using DeepResearch;

namespace Perplexity.Async.Tests.Samples;

/// <summary>The DeepResearch sample's answer rendering: styled for a terminal, untouched when redirected.</summary>
public sealed class TerminalMarkdownTests
{
    private const string Answer = "# Grid storage\n\nPumped hydro is **the largest** by far [1][web:2].\n\n- Batteries\n- *Iron-air*\n\nSee [the report](https://example.org/report).\n";

    [Fact]
    public void Write_Redirected_WritesTheMarkdownAsItCame()
    {
        var output = new StringWriter();

        TerminalMarkdown.Write(Answer, output, styled: false);

        output.ToString().ShouldBe(Answer + Environment.NewLine);
    }

    [Fact]
    public void Write_Terminal_StylesHeadingsEmphasisListsLinksAndCitationMarks()
    {
        var output = new StringWriter();

        TerminalMarkdown.Write(Answer, output, styled: true);

        var text = output.ToString();
        text.ShouldNotContain("# Grid storage");
        text.ShouldContain("\e[1m\e[4mGrid storage\e[0m");
        text.ShouldContain("\e[1mthe largest\e[0m");
        text.ShouldNotContain("**");
        text.ShouldContain("\e[2m[1]\e[0m\e[2m[web:2]\e[0m");
        text.ShouldContain("• Batteries\n");
        text.ShouldContain("• \e[3mIron-air\e[0m\n");
        text.ShouldContain("\e[4mthe report\e[0m \e[2m(https://example.org/report)\e[0m");
    }

    [Fact]
    public void Write_TerminalOrderedList_NumbersFromItsStart()
    {
        var output = new StringWriter();

        TerminalMarkdown.Write("3. third\n4. fourth\n", output, styled: true);

        output.ToString().ShouldBe("3. third\n4. fourth\n");
    }
}
