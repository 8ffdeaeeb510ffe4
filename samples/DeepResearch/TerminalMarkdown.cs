using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DeepResearch;

/// <summary>
/// Writes a Markdown answer for a terminal: bold headings, emphasis, bullets, indented code, links with their
/// address, and citation marks (<c>[1]</c>, <c>[web:3]</c>) dimmed, using ANSI styles. Markdig parses; this only
/// chooses how each node looks. Redirected output gets the Markdown as it came, so files and pipes stay plain.
/// </summary>
internal static partial class TerminalMarkdown
{
    private const string Bold = "\e[1m", Italic = "\e[3m", Underline = "\e[4m", Dim = "\e[2m", Cyan = "\e[36m", Reset = "\e[0m";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>Writes <paramref name="markdown"/> to <paramref name="output"/>, styled when <paramref name="styled"/> is true.</summary>
    public static void Write(string markdown, TextWriter output, bool styled)
    {
        if (!styled)
        {
            output.WriteLine(markdown);
            return;
        }

        var text = new StringBuilder();
        var first = true;
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            WriteBlock(block, text, indent: "");
        }

        output.Write(text.ToString());
    }

    private static void WriteBlock(Block block, StringBuilder text, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                text.Append(indent).Append(Bold).Append(heading.Level <= 2 ? Underline : "");
                WriteInlines(heading.Inline, text, indent);
                text.Append(Reset).Append('\n');
                break;
            case ParagraphBlock paragraph:
                text.Append(indent);
                WriteInlines(paragraph.Inline, text, indent);
                text.Append('\n');
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var inner = new StringBuilder();
                    foreach (var child in item)
                    {
                        WriteBlock(child, inner, indent + new string(' ', marker.Length));
                    }

                    // The first line of the item carries the marker in place of its indentation.
                    var body = inner.ToString();
                    text.Append(indent).Append(marker).Append(body.AsSpan(Math.Min(indent.Length + marker.Length, body.Length)));
                }

                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    WriteBlock(child, text, indent + Dim + "│ " + Reset);
                }

                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    text.Append(indent).Append("    ").Append(Cyan).Append(line.ToString()).Append(Reset).Append('\n');
                }

                break;
            case ThematicBreakBlock:
                text.Append(indent).Append(Dim).Append(new string('─', 40)).Append(Reset).Append('\n');
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    text.Append(indent).Append(row.IsHeader ? Bold : "");
                    var cells = row.OfType<TableCell>().Select(cell =>
                    {
                        var cellText = new StringBuilder();
                        foreach (var paragraph in cell.OfType<ParagraphBlock>())
                        {
                            WriteInlines(paragraph.Inline, cellText, indent);
                        }

                        return cellText.ToString();
                    });
                    text.Append(string.Join(" │ ", cells)).Append(row.IsHeader ? Reset : "").Append('\n');
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(child, text, indent);
                }

                break;
            case LeafBlock leaf:
                text.Append(indent);
                WriteInlines(leaf.Inline, text, indent);
                text.Append('\n');
                break;
        }
    }

    private static void WriteInlines(ContainerInline? inlines, StringBuilder text, string indent)
    {
        for (var inline = inlines?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline or DelimiterInline:
                    // Markdig leaves "[1]" as "[" (an unused link delimiter), "1", "]" when no link is defined: join the
                    // run of plain text first, so citation marks can be found in it.
                    var run = new StringBuilder(PlainText(inline));
                    while (inline.NextSibling is LiteralInline or DelimiterInline)
                    {
                        inline = inline.NextSibling;
                        run.Append(PlainText(inline));
                    }

                    text.Append(CitationMark().Replace(run.ToString(), m => Dim + m.Value + Reset));
                    break;
                case EmphasisInline emphasis:
                    text.Append(emphasis.DelimiterCount >= 2 ? Bold : Italic);
                    WriteInlines(emphasis, text, indent);
                    text.Append(Reset);
                    break;
                case CodeInline code:
                    text.Append(Cyan).Append(code.Content).Append(Reset);
                    break;
                case AutolinkInline autolink:
                    text.Append(Underline).Append(autolink.Url).Append(Reset);
                    break;
                case LinkInline link:
                    var label = new StringBuilder();
                    WriteInlines(link, label, indent);
                    text.Append(Underline).Append(label).Append(Reset);
                    if (!string.IsNullOrEmpty(link.Url) && link.Url != label.ToString())
                    {
                        text.Append(' ').Append(Dim).Append('(').Append(link.Url).Append(')').Append(Reset);
                    }

                    break;
                case LineBreakInline:
                    text.Append('\n').Append(indent);
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case ContainerInline container:
                    WriteInlines(container, text, indent);
                    break;
                default:
                    text.Append(inline.ToString());
                    break;
            }
        }
    }

    private static string PlainText(Inline inline)
    {
        if (inline is LiteralInline literal)
        {
            return literal.Content.ToString();
        }

        var delimiter = (DelimiterInline)inline;
        var text = new StringBuilder(delimiter.ToLiteral());
        for (var child = delimiter.FirstChild; child is not null; child = child.NextSibling)
        {
            text.Append(child is LiteralInline or DelimiterInline ? PlainText(child) : child.ToString());
        }

        return text.ToString();
    }

    // [1], [12], [web:3], [1][2]: what Perplexity's answers cite with.
    [GeneratedRegex(@"\[(?:web:)?\d+\]")]
    private static partial Regex CitationMark();
}
