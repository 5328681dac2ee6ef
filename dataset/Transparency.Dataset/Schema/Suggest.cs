namespace Transparency.Dataset.Schema;

/// <summary>"Did you mean…?" for typos in keys, values and ids.</summary>
public static class Suggest
{
    /// <summary>The candidate nearest to <paramref name="value"/>, if it is close enough to be a typo.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(value, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(1, Math.Min(value.Length, best?.Length ?? 0) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// The id meant by <paramref name="value"/>: one whose former or common name it is (twitter → x), or the
    /// nearest id or other name to a typo (twiter → Twitter → x).
    /// </summary>
    public static string? Id(string value, IEnumerable<string> ids, IReadOnlyDictionary<string, string> otherNames)
    {
        if (otherNames.TryGetValue(value, out var named))
        {
            return named;
        }
        var closest = Closest(value, ids.Concat(otherNames.Keys));
        return closest is not null && otherNames.TryGetValue(closest, out var id) ? id : closest;
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
