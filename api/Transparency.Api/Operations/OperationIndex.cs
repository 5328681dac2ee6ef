using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using Dapper;
using Microsoft.Data.Sqlite;
using Transparency.Api.Query;

namespace Transparency.Api.Operations;

/// <summary>
/// What lists filter and order by, for every active operation, read from the file at start-up: one bit set per
/// filter value (the operations attributed to an actor, from a country, on a platform…) and one order per sort.
/// The served file never changes while the process runs, so a list is a few bit operations and a walk along a
/// ready-made order instead of a SQL statement: on 10,000 operations SQLite's plan (a correlated <c>EXISTS</c> per
/// row, a temporary B-tree for computed sorts) cost milliseconds per list, this costs microseconds.
/// <para>
/// The meaning of every filter and order is still SQL's: <see cref="OperationQueries.Where"/> and
/// <see cref="OperationSort.Expression"/> define them (aggregates and stats run that SQL), and a property test
/// checks that this index answers exactly what that SQL answers for random queries, page by page. Full-text
/// matching is FTS5's (with its bm25), asked once per word: each word's matches and scores are kept, then intersected
/// with the bit sets here (<see cref="Select"/>).
/// </para>
/// </summary>
public sealed class OperationIndex
{
    private readonly string[] _ids;
    private readonly FrozenDictionary<string, int> _positions;
    private readonly int _words;
    private readonly ulong[] _all;
    private readonly Dictionary<string, FrozenDictionary<string, ulong[]>> _sets;
    // Days as yyyymmdd numbers (compared as SQL compares the ISO dates), 0 where there is none; -1 for an unknown total.
    private readonly int[] _firstSeenStart;
    private readonly int[] _lastSeenEnd;
    private readonly long[] _accounts;
    private readonly long[] _followers;
    private readonly (int Start, int End)[][] _disclosureDates;
    private readonly FrozenDictionary<string, Order> _orders;
    private readonly FrozenDictionary<long, int> _positionOfFullTextRow;
    private readonly FrozenDictionary<string, int[]> _namedExactly;

    private const string Actors = "actor", Origins = "origin", Targets = "target", Platforms = "platform", Disclosers = "disclosedBy", Topics = "topic";

    public OperationIndex(SqliteConnection connection)
    {
        using var results = connection.QueryMultiple("""
            SELECT id AS Id, name AS Name, first_seen_start AS FirstSeenStart, last_seen_end AS LastSeenEnd, last_disclosed AS LastDisclosed,
                   accounts_removed AS Accounts, max_followers AS Followers
            FROM operations WHERE status = 'active' ORDER BY id;
            SELECT 'actor', operation_id, actor_id FROM attributions WHERE actor_id IS NOT NULL
            UNION ALL SELECT role, operation_id, country FROM operation_countries
            UNION ALL SELECT 'platform', operation_id, platform_id FROM operation_platforms
            UNION ALL SELECT 'disclosedBy', operation_id, organisation_id FROM disclosures
            UNION ALL SELECT 'topic', operation_id, topic_id FROM operation_topics;
            SELECT operation_id, date_start, date_end FROM disclosures;
            SELECT rowid, operation_id FROM operations_fts;
            SELECT id, name FROM operations WHERE status = 'active' UNION ALL SELECT operation_id, name FROM operation_aliases;
            """);
        var rows = results.Read<Row>().ToArray();
        _ids = [.. rows.Select(r => r.Id)];
        _positions = _ids.Select((id, position) => (id, position)).ToFrozenDictionary(p => p.id, p => p.position, StringComparer.Ordinal);
        _words = (rows.Length + 63) / 64;
        _all = new ulong[_words];
        for (var position = 0; position < rows.Length; position++)
        {
            Set(_all, position);
        }

        var sets = new Dictionary<string, Dictionary<string, ulong[]>>(StringComparer.Ordinal);
        foreach (var (list, operation, value) in results.Read<(string, string, string)>())
        {
            if (!_positions.TryGetValue(operation, out var position))
            {
                continue; // a withdrawn or merged record's rows
            }
            var byValue = sets.TryGetValue(list, out var had) ? had : sets[list] = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
            if (!byValue.TryGetValue(value, out var bits))
            {
                byValue[value] = bits = new ulong[_words];
            }
            Set(bits, position);
        }
        _sets = sets.ToDictionary(s => s.Key, s => s.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

        var dates = new List<(int, int)>[rows.Length];
        foreach (var (operation, start, end) in results.Read<(string, string, string)>())
        {
            if (_positions.TryGetValue(operation, out var position))
            {
                (dates[position] ??= []).Add((DayNumber(start), DayNumber(end)));
            }
        }
        _disclosureDates = [.. dates.Select(d => d?.ToArray() ?? [])];
        _positionOfFullTextRow = results.Read<(long Row, string Operation)>()
            .Where(r => _positions.ContainsKey(r.Operation))
            .ToFrozenDictionary(r => r.Row, r => _positions[r.Operation]);
        _namedExactly = results.Read<(string Operation, string Name)>()
            .Where(n => _positions.ContainsKey(n.Operation))
            .GroupBy(n => SqliteText.FoldAscii(n.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(n => _positions[n.Operation]).Distinct().ToArray(), StringComparer.Ordinal);
        _firstSeenStart = [.. rows.Select(r => DayNumber(r.FirstSeenStart))];
        _lastSeenEnd = [.. rows.Select(r => DayNumber(r.LastSeenEnd))];
        _accounts = [.. rows.Select(r => r.Accounts ?? -1)];
        _followers = [.. rows.Select(r => r.Followers ?? -1)];

        // The orders of OperationSort, each ascending with the id breaking ties; a descending sort walks it backwards.
        _orders = new Dictionary<string, Order>(StringComparer.Ordinal)
        {
            ["name"] = Order.Of(rows, r => r.Name, SqliteText.NoCase),
            ["firstSeen"] = Order.Of(rows, r => r.FirstSeenStart ?? "", SqliteText.Binary),
            ["lastDisclosed"] = Order.Of(rows, r => r.LastDisclosed ?? "", SqliteText.Binary),
            ["accountsRemoved"] = Order.Of(rows, r => r.Accounts ?? -1, Comparer<long>.Default),
            ["followers"] = Order.Of(rows, r => r.Followers ?? -1, Comparer<long>.Default),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many active operations there are.</summary>
    public int Count => _ids.Length;

    /// <summary>
    /// The operations a filter selects, as a bit set over positions, and (with text, when <paramref name="ranked"/>) the
    /// matches in order of relevance: an operation named exactly the words (NOCASE, as SQL compares), or with such an
    /// alias, first, then FTS5's bm25, then id. <paramref name="word"/> gives what one word of the text matches (see
    /// <see cref="OperationQueries.FullTextPhrases"/>), with its bm25 for that word when asked for.
    /// </summary>
    public Selection Select(OperationFilter filter, bool ranked, Func<string, bool, WordMatch> word)
    {
        var bits = (ulong[])_all.Clone();
        Restrict(bits, Actors, filter.Actor);
        Restrict(bits, Origins, filter.Origin);
        Restrict(bits, Targets, filter.Target);
        Restrict(bits, Platforms, filter.Platform);
        Restrict(bits, Disclosers, filter.DisclosedBy);
        Restrict(bits, Topics, filter.Topic);

        var limits = new Limits(Day(filter.DisclosedFrom, end: false), Day(filter.DisclosedTo, end: true),
            Day(filter.ActiveFrom, end: false), Day(filter.ActiveTo, end: true), filter.MinAccounts, filter.MinFollowers);
        if (limits.Any)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                var remaining = bits[w];
                while (remaining != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(remaining);
                    remaining &= remaining - 1;
                    if (!Keeps(w * 64 + bit, limits))
                    {
                        bits[w] &= ~(1UL << bit);
                    }
                }
            }
        }

        if (filter.Text is not { } text)
        {
            return new Selection(bits, null);
        }
        var words = OperationQueries.FullTextPhrases(text).Select(phrase => word(phrase, ranked)).ToArray();
        if (words.Length == 0)
        {
            Array.Clear(bits);
        }
        foreach (var match in words)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                bits[w] &= match.Bits[w];
            }
        }
        return new Selection(bits, ranked ? Rank(bits, words, text) : null);
    }

    /// <summary>
    /// The selected matches by relevance. FTS5 scores a query of several phrases with the sum, phrase by phrase, of what
    /// each scores alone (each with its own IDF, over the same row length), and returns it negated: the sum of the
    /// words' negated scores, in the words' order, is that number exactly.
    /// </summary>
    private Ranking Rank(ulong[] bits, WordMatch[] words, string text)
    {
        var positions = new int[PopCount(bits)];
        var count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var remaining = bits[w]; remaining != 0; remaining &= remaining - 1)
            {
                positions[count++] = w * 64 + BitOperations.TrailingZeroCount(remaining);
            }
        }
        var scores = new double[count];
        foreach (var match in words)
        {
            // Both ascending: one walk along the word's matches.
            var j = 0;
            for (var i = 0; i < count; i++)
            {
                while (match.Positions[j] < positions[i])
                {
                    j++;
                }
                scores[i] += match.Scores![j];
            }
        }
        var exact = _namedExactly.GetValueOrDefault(SqliteText.FoldAscii(OperationQueries.ExactPhrase(text))) ?? [];
        for (var i = 0; i < count; i++)
        {
            if (exact.Contains(positions[i]))
            {
                scores[i] -= 1000000.0;
            }
        }
        // By score, then id: positions are in id order (BINARY), so the position breaks ties.
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[a].CompareTo(scores[b]) : positions[a].CompareTo(positions[b]));
        return new Ranking([.. order.Select(i => positions[i])], [.. order.Select(i => scores[i])]);
    }

    /// <summary>What one word of a search matches, from FTS5's rows: its active operations, and each one's bm25 for it when scored.</summary>
    public WordMatch MatchOf(List<(long Row, double Bm25)> rows, bool scored)
    {
        var matches = new List<(int Position, double Bm25)>(rows.Count);
        foreach (var (row, bm25) in rows)
        {
            if (_positionOfFullTextRow.TryGetValue(row, out var position))
            {
                matches.Add((position, bm25));
            }
        }
        matches.Sort((a, b) => a.Position.CompareTo(b.Position));
        var bits = new ulong[_words];
        foreach (var (position, _) in matches)
        {
            Set(bits, position);
        }
        return new WordMatch(bits, [.. matches.Select(m => m.Position)], scored ? [.. matches.Select(m => m.Bm25)] : null);
    }

    /// <summary>
    /// A page of a selection in the given order, after the cursor's row: the ids with their sort values (as SQL
    /// computes them, for the cursors), and whether more follow.
    /// </summary>
    public (IReadOnlyList<(string Id, object SortValue)> Rows, bool HasMore) Page(Selection selection, OperationSort sort, int limit, OperationCursor? after)
    {
        var rows = new List<(string, object)>(Math.Min(limit + 1, 128));
        if (sort.Name.TrimStart('-') == "relevance")
        {
            var (positions, scores) = selection.Ranked ?? new Ranking([], []);
            // The first index after the cursor's row in the walk's direction (binary search on the ascending ranking).
            int low = 0, high = positions.Length;
            while (after is not null && low < high)
            {
                var middle = (low + high) >>> 1;
                var byScore = CompareValue(scores[middle], after.Value, Comparer<double>.Default);
                var comparison = byScore != 0 ? byScore : SqliteText.Binary.Compare(_ids[positions[middle]], after.Id);
                if (sort.Descending ? comparison < 0 : comparison <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            var first = after is null ? (sort.Descending ? positions.Length - 1 : 0) : (sort.Descending ? low - 1 : low);
            for (var i = first; i >= 0 && i < positions.Length && rows.Count <= limit; i += sort.Descending ? -1 : 1)
            {
                rows.Add((_ids[positions[i]], scores[i]));
            }
            return (rows.Take(limit).ToList(), rows.Count > limit);
        }

        var order = _orders[sort.Name.TrimStart('-')];
        var step = sort.Descending ? -1 : 1;
        var start = after is null
            ? (sort.Descending ? order.Positions.Length - 1 : 0)
            : order.FirstAfter(after.Value, after.Id, sort.Descending, _ids);
        for (var i = start; i >= 0 && i < order.Positions.Length && rows.Count <= limit; i += step)
        {
            var position = order.Positions[i];
            if (IsSet(selection.Bits, position))
            {
                rows.Add((_ids[position], order.Values[i]));
            }
        }
        return (rows.Take(limit).ToList(), rows.Count > limit);
    }

    private void Restrict(ulong[] bits, string list, string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return;
        }
        var any = new ulong[_words];
        var byValue = _sets.GetValueOrDefault(list);
        foreach (var value in values)
        {
            if (byValue is not null && byValue.TryGetValue(value, out var those))
            {
                for (var w = 0; w < _words; w++)
                {
                    any[w] |= those[w];
                }
            }
        }
        for (var w = 0; w < _words; w++)
        {
            bits[w] &= any[w];
        }
    }

    /// <summary>The date and threshold filters, as days (yyyymmdd) and counts; null where not given.</summary>
    private readonly record struct Limits(int? DisclosedFrom, int? DisclosedTo, int? ActiveFrom, int? ActiveTo, long? MinAccounts, long? MinFollowers)
    {
        public bool Any => DisclosedFrom is not null || DisclosedTo is not null || ActiveFrom is not null || ActiveTo is not null
            || MinAccounts is not null || MinFollowers is not null;
    }

    /// <summary>The date and threshold filters of <see cref="OperationQueries.Where"/>, for one operation.</summary>
    private bool Keeps(int position, Limits limits)
    {
        if (limits.DisclosedFrom is not null || limits.DisclosedTo is not null)
        {
            int from = limits.DisclosedFrom ?? int.MinValue, to = limits.DisclosedTo ?? int.MaxValue;
            var any = false;
            foreach (var (start, end) in _disclosureDates[position])
            {
                if (end >= from && start <= to)
                {
                    any = true;
                    break;
                }
            }
            if (!any)
            {
                return false;
            }
        }
        // Still active on or after the day: an operation with no reported end counts as ongoing.
        if (limits.ActiveFrom is { } activeFrom && !(_lastSeenEnd[position] != 0
                ? _lastSeenEnd[position] >= activeFrom
                : _firstSeenStart[position] != 0))
        {
            return false;
        }
        if (limits.ActiveTo is { } activeTo && !(_firstSeenStart[position] != 0 && _firstSeenStart[position] <= activeTo))
        {
            return false;
        }
        // An unknown total (-1) meets no threshold, as NULL meets none in SQL; thresholds are never negative.
        if (limits.MinAccounts is { } accounts && _accounts[position] < accounts)
        {
            return false;
        }
        return limits.MinFollowers is not { } followers || _followers[position] >= followers;
    }

    private static int? Day(string? text, bool end) =>
        PartialDateAttribute.Day(text, end) is { } day ? day.Year * 10000 + day.Month * 100 + day.Day : null;

    /// <summary>An ISO date (yyyy-MM-dd) as the number yyyymmdd, which orders as the text does; 0 for none.</summary>
    private static int DayNumber(string? date) => date is null ? 0
        : int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture) * 10000 + int.Parse(date.AsSpan(5, 2), CultureInfo.InvariantCulture) * 100
          + int.Parse(date.AsSpan(8, 2), CultureInfo.InvariantCulture);

    private static int Compare<T>(T a, string aId, T b, string bId, Comparer<T> comparer)
    {
        var byValue = comparer.Compare(a, b);
        return byValue != 0 ? byValue : SqliteText.Binary.Compare(aId, bId);
    }

    /// <summary>
    /// A row's sort value against a cursor's, as SQLite compares them: text by the sort's collation, numbers by value.
    /// A cursor's value is the client's, but <see cref="OperationQuery"/> refuses one of the wrong kind for its order
    /// (<see cref="OperationSort.Suits"/>).
    /// </summary>
    private static int CompareValue<T>(T value, object cursorValue, Comparer<T> comparer) => (value, cursorValue) switch
    {
        (string, string other) => comparer.Compare(value, (T)(object)other),
        (long whole, long other) => whole.CompareTo(other),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(cursorValue, CultureInfo.InvariantCulture)),
    };

    public static long PopCount(ulong[] bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        return count;
    }

    private static void Set(ulong[] bits, int position) => bits[position >> 6] |= 1UL << (position & 63);
    private static bool IsSet(ulong[] bits, int position) => (bits[position >> 6] & (1UL << (position & 63))) != 0;

    /// <summary>The operations a filter selected: a bit per position, and, to order by relevance, the matches ranked.</summary>
    public sealed record Selection(ulong[] Bits, Ranking? Ranked)
    {
        public long Count => PopCount(Bits);
    }

    /// <summary>Matches by relevance, best first: positions, and each one's score (lower is better).</summary>
    public sealed record Ranking(int[] Positions, double[] Scores);

    /// <summary>The operations one word of a search matches (bits and ascending positions), and each one's bm25 for that word when scored.</summary>
    public sealed record WordMatch(ulong[] Bits, int[] Positions, double[]? Scores)
    {
        /// <summary>What keeping it costs: its arrays, and about 200 bytes of objects, headers and dictionary entry besides.</summary>
        public long Bytes => 200 + (Bits.Length * 8L) + (Positions.Length * 4L) + ((Scores?.Length ?? 0) * 8L);
    }

    /// <summary>One sort's order: positions ascending by (value, id), with each one's value as SQL computes it.</summary>
    private sealed class Order
    {
        public required int[] Positions { get; init; }
        public required object[] Values { get; init; }
        public required Func<int, object, string, int> CompareAt { get; init; }

        public static Order Of<T>(Row[] rows, Func<Row, T> value, Comparer<T> comparer) where T : notnull
        {
            var values = rows.Select(value).ToArray();
            var positions = Enumerable.Range(0, rows.Length).ToArray();
            Array.Sort(positions, (a, b) => Compare(values[a], rows[a].Id, values[b], rows[b].Id, comparer));
            return new Order
            {
                Positions = positions,
                Values = [.. positions.Select(p => (object)values[p])],
                // How the row at an index of this order compares with a cursor's (value, id).
                CompareAt = (index, cursorValue, cursorId) =>
                {
                    var byValue = CompareValue(values[positions[index]], cursorValue, comparer);
                    return byValue != 0 ? byValue : SqliteText.Binary.Compare(rows[positions[index]].Id, cursorId);
                },
            };
        }

        /// <summary>The index of the first row after the cursor's in the walk's direction (binary search on the ascending order).</summary>
        public int FirstAfter(object cursorValue, string cursorId, bool descending, string[] ids)
        {
            // The first index whose row compares above the cursor (ascending), or the last below it (descending).
            int low = 0, high = Positions.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                var comparison = CompareAt(middle, cursorValue, cursorId);
                if (descending ? comparison < 0 : comparison <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return descending ? low - 1 : low;
        }
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? FirstSeenStart { get; init; }
        public string? LastSeenEnd { get; init; }
        public string? LastDisclosed { get; init; }
        public long? Accounts { get; init; }
        public long? Followers { get; init; }
    }
}

/// <summary>SQLite's text collations, for ordering in memory exactly as SQL orders.</summary>
public static class SqliteText
{
    /// <summary>BINARY: the UTF-8 bytes, which order as the code points do.</summary>
    public static readonly Comparer<string> Binary = Comparer<string>.Create((a, b) => Compare(a, b, foldAscii: false));

    /// <summary>A text with the ASCII letters A–Z in lower case, as NOCASE compares it.</summary>
    public static string FoldAscii(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });

    /// <summary>NOCASE: as BINARY, with only the ASCII letters A–Z folded to lower case.</summary>
    public static readonly Comparer<string> NoCase = Comparer<string>.Create((a, b) => Compare(a, b, foldAscii: true));

    private static int Compare(string a, string b, bool foldAscii)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var moreLeft = left.MoveNext();
            var moreRight = right.MoveNext();
            if (!moreLeft || !moreRight)
            {
                return moreLeft ? 1 : moreRight ? -1 : 0;
            }
            int x = left.Current.Value, y = right.Current.Value;
            if (foldAscii)
            {
                x = x is >= 'A' and <= 'Z' ? x + 32 : x;
                y = y is >= 'A' and <= 'Z' ? y + 32 : y;
            }
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }
    }
}
