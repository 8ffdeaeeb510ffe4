using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// What a generated answer is about, derived from the prompt: a display title, a few keywords and a URL slug,
/// so the emulated output reads as an answer to the question that was asked.
/// </summary>
internal sealed class PromptTopic
{
    private const int MaxTitleLength = 80;
    private const int MaxKeywords = 4;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "advance", "advances", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "best", "between", "but", "by", "can", "could", "current", "currently", "describe", "development",
        "developments", "did", "difference", "differences", "do", "does", "explain", "for", "from", "give", "had",
        "happen", "happened", "has", "have", "how", "i", "in", "into", "is", "it", "its", "key", "know", "latest",
        "list", "main", "me", "more", "most", "my", "new", "newest", "not", "now", "of", "on", "or", "our",
        "overview", "please", "recent", "should", "so", "some", "state", "summarise", "summarize", "tell", "than",
        "that", "the", "their", "them", "there", "these", "they", "this", "those", "to", "today", "trends", "us",
        "vs", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "work", "works",
        "would", "you", "your",
    };

    private PromptTopic(string title, IReadOnlyList<string> keywords)
    {
        Title = title;
        Keywords = keywords;
        Subject = string.Join(" ", keywords);
        Slug = MakeSlug(keywords);
    }

    /// <summary>The question, tidied: whitespace collapsed, at most 80 characters.</summary>
    public string Title { get; }

    /// <summary>Up to four content words of the question, in order.</summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>The keywords as a phrase, for example <c>battery storage costs</c>.</summary>
    public string Subject { get; }

    /// <summary>The subject with a capital first letter, for titles.</summary>
    public string SubjectTitle => Subject.Length == 0 ? Subject : char.ToUpperInvariant(Subject[0]) + Subject.Substring(1);

    /// <summary>The keywords for URLs: lower-case ASCII letters and digits joined by dashes.</summary>
    public string Slug { get; }

    public static PromptTopic From(string prompt)
    {
        var words = (prompt ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(" ", words).TrimEnd('?', '.', '!', ' ');
        if (title.Length == 0)
        {
            title = "Your question";
        }
        else if (title.Length > MaxTitleLength)
        {
            title = title.Substring(0, MaxTitleLength - 1).TrimEnd() + "…";
        }

        var keywords = words
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray()).Trim('-'))
            .Where(w => w.Length >= 2 && !StopWords.Contains(w))
            .Select(w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxKeywords)
            .ToList();
        if (keywords.Count == 0)
        {
            keywords.Add("your question");
        }

        return new PromptTopic(title, keywords);
    }

    private static string MakeSlug(IEnumerable<string> keywords)
    {
        var builder = new StringBuilder();
        foreach (var c in string.Join("-", keywords).Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if ((c == '-' || c == ' ') && builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }

            // Anything else (accents split off by the normalization, non-Latin letters) is dropped.
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "topic" : slug;
    }
}
