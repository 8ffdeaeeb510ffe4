using System;

namespace Perplexity.Async.Internal;

/// <summary>
/// Separates the <c>&lt;think&gt;…&lt;/think&gt;</c> block that reasoning and deep-research models put before their
/// answer, so the reasoning becomes reasoning content and the text (and any JSON a schema asked for) is the answer alone.
/// </summary>
internal static class ThinkSplitter
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    /// <summary>
    /// Returns the reasoning (null when the text does not start with a complete think block) and the answer (the
    /// text after the block, or the whole text).
    /// </summary>
    public static (string? Reasoning, string Answer) Split(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (string.CompareOrdinal(text, start, Open, 0, Open.Length) != 0)
        {
            return (null, text);
        }

        var close = text.IndexOf(Close, start + Open.Length, StringComparison.Ordinal);
        if (close < 0)
        {
            // An unterminated block is not cut: better a long answer than a lost one.
            return (null, text);
        }

        var reasoningStart = start + Open.Length;
        var reasoning = text.Substring(reasoningStart, close - reasoningStart).Trim();
        var answer = text.Substring(close + Close.Length).TrimStart();
        return (reasoning, answer);
    }
}
