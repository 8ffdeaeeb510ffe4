using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Internal;

/// <summary>
/// Turns a completion's citations and search results into <see cref="CitationAnnotation"/>s on the answer: one per
/// cited URL, in citation order, pointing at every <c>[n]</c> marker of that citation in the text, then one per
/// search result that is not cited. A cited URL found among the search results takes its title and snippet.
/// </summary>
internal static class CitationMapper
{
    /// <summary>The key of a citation's number (1 for <c>[1]</c>) in its annotation's additional properties.</summary>
    public const string NumberProperty = "citation_number";

    private const string DateProperty = "date";
    private const string LastUpdatedProperty = "last_updated";

    public static List<AIAnnotation>? Map(string text, CompletionResponse completion)
    {
        var citations = completion.Citations ?? Array.Empty<string>();
        var results = completion.SearchResults ?? Array.Empty<ApiPublicSearchResult>();
        if (citations.Count == 0 && results.Count == 0)
        {
            return null;
        }

        var annotations = new List<AIAnnotation>(citations.Count + results.Count);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < citations.Count; i++)
        {
            var url = citations[i];
            if (url is null)
            {
                continue;
            }

            cited.Add(url);
            var number = i + 1;
            var annotation = Annotation(url, Find(results, url), Regions(text, number));
            (annotation.AdditionalProperties ??= new())[NumberProperty] = number;
            annotations.Add(annotation);
        }

        foreach (var result in results)
        {
            if (result is not null && !cited.Contains(result.Url))
            {
                annotations.Add(Annotation(result.Url, result, regions: null));
            }
        }

        return annotations;
    }

    private static CitationAnnotation Annotation(string url, ApiPublicSearchResult? result, List<AnnotatedRegion>? regions)
    {
        var annotation = new CitationAnnotation
        {
            Url = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null,
            Title = result?.Title,
            Snippet = string.IsNullOrEmpty(result?.Snippet) ? null : result!.Snippet,
            AnnotatedRegions = regions,
            RawRepresentation = (object?)result ?? url,
        };

        if (result?.Date is { } date)
        {
            (annotation.AdditionalProperties ??= new())[DateProperty] = date;
        }

        if (result?.LastUpdated is { } lastUpdated)
        {
            (annotation.AdditionalProperties ??= new())[LastUpdatedProperty] = lastUpdated;
        }

        return annotation;
    }

    private static ApiPublicSearchResult? Find(IReadOnlyList<ApiPublicSearchResult> results, string url)
    {
        foreach (var result in results)
        {
            if (result is not null && string.Equals(result.Url, url, StringComparison.Ordinal))
            {
                return result;
            }
        }

        return null;
    }

    // Each "[n]" in the text, as a span from the "[" to just after the "]" (end exclusive).
    private static List<AnnotatedRegion>? Regions(string text, int number)
    {
        var marker = "[" + number.ToString(CultureInfo.InvariantCulture) + "]";
        List<AnnotatedRegion>? regions = null;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            (regions ??= new()).Add(new TextSpanAnnotatedRegion { StartIndex = at, EndIndex = at + marker.Length });
        }

        return regions;
    }
}
