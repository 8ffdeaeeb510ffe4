using System.Collections.Generic;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>Element-wise equality for the union records that wrap a list.</summary>
internal static class Sequences
{
    public static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
