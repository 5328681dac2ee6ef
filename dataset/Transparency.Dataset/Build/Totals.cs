using Transparency.Dataset.Model;

namespace Transparency.Dataset.Build;

/// <summary>
/// Per-operation totals for querying by reach, computed so that no removal is counted twice. Two rules, in turn:
/// <list type="number">
/// <item><b>Alternatives within a disclosure.</b> Figures of the same thing (the same platform and asset kind, or
/// the same metric and platform) may come from several sources that disagree; only one source's figures count:
/// the disclosure's own source if it gives any, otherwise the source of the first figure listed. Figures from
/// one source add up (Twitter's 936 accounts and its wider 200,000); alternatives are kept and shown but do not
/// count.</item>
/// <item><b>Figures across disclosures.</b> For each discloser and thing, a <c>restatement</c> never counts; of
/// its <c>cumulative</c> figures (a running total to date) only the latest counts; and a <c>new</c> figure counts
/// unless it was disclosed on or before that latest running total, which already includes it.</item>
/// </list>
/// An operation with no counted account figure has no account total (null), never 0. docs/sqlite-schema.md
/// explains the rule with the Internet Research Agency as its worked example.
/// </summary>
public static class Totals
{
    public sealed record OperationTotals(long? AccountsRemoved, long? AssetsRemoved, long? MaxFollowers);

    /// <summary>Which figures of an operation count in its totals, by disclosure, in the order of the record.</summary>
    public sealed record Counted(bool[][] Actions, bool[][] Reach);

    public static Counted CountedFigures(OperationRecord operation)
    {
        var actions = operation.Disclosures.Select(d => Alternatives(d, d.Actions, a => (a.Platform, a.Asset), a => a.Source)).ToArray();
        var reach = operation.Disclosures.Select(d => Alternatives(d, d.Reach, r => (r.Metric, r.Platform ?? ""), r => r.Source)).ToArray();
        AcrossDisclosures(operation, actions, d => d.Actions, a => (a.Platform, a.Asset), a => a.Counting);
        AcrossDisclosures(operation, reach, d => d.Reach, r => (r.Metric, r.Platform ?? ""), r => r.Counting);
        return new Counted(actions, reach);
    }

    public static OperationTotals Of(OperationRecord operation) => Of(operation, CountedFigures(operation));

    public static OperationTotals Of(OperationRecord operation, Counted counted)
    {
        long? accounts = null, assets = null, followers = null;
        for (var d = 0; d < operation.Disclosures.Count; d++)
        {
            var disclosure = operation.Disclosures[d];
            for (var i = 0; i < disclosure.Actions.Count; i++)
            {
                if (counted.Actions[d][i])
                {
                    var action = disclosure.Actions[i];
                    assets = (assets ?? 0) + action.Count;
                    if (action.Asset == "account")
                    {
                        accounts = (accounts ?? 0) + action.Count;
                    }
                }
            }
            for (var i = 0; i < disclosure.Reach.Count; i++)
            {
                if (counted.Reach[d][i] && disclosure.Reach[i].Metric == "followers")
                {
                    followers = Math.Max(followers ?? 0, (long)disclosure.Reach[i].Value);
                }
            }
        }
        return new OperationTotals(accounts, assets, followers);
    }

    /// <summary>Every platform an operation is known on: removals, reach figures and platforms its disclosers named.</summary>
    public static IEnumerable<string> PlatformsOf(OperationRecord operation) =>
        operation.Disclosures
            .SelectMany(d => d.Platforms
                .Concat(d.Actions.Select(a => a.Platform))
                .Concat(d.Reach.Where(r => r.Platform is not null).Select(r => r.Platform!)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static bool[] Alternatives<T>(DisclosureRecord disclosure, IReadOnlyList<T> figures, Func<T, (string, string)> thing, Func<T, string> source)
    {
        var chosen = new Dictionary<(string, string), string>();
        foreach (var figure in figures)
        {
            var key = thing(figure);
            if (source(figure) == disclosure.Source)
            {
                chosen[key] = disclosure.Source;
            }
            else
            {
                chosen.TryAdd(key, source(figure));
            }
        }
        return [.. figures.Select(f => chosen[thing(f)] == source(f))];
    }

    private static void AcrossDisclosures<T>(OperationRecord operation, bool[][] counted, Func<DisclosureRecord, IReadOnlyList<T>> figuresOf,
        Func<T, (string, string)> thing, Func<T, string> counting)
    {
        // The latest running total of each discloser and thing: (disclosure index, figure index).
        var latest = new Dictionary<(string By, (string, string) Thing), (int D, int I)>();
        for (var d = 0; d < operation.Disclosures.Count; d++)
        {
            var disclosure = operation.Disclosures[d];
            var figures = figuresOf(disclosure);
            for (var i = 0; i < figures.Count; i++)
            {
                if (!counted[d][i])
                {
                    continue;
                }
                if (counting(figures[i]) == "restatement")
                {
                    counted[d][i] = false;
                }
                else if (counting(figures[i]) == "cumulative")
                {
                    var key = (disclosure.By, thing(figures[i]));
                    if (!latest.TryGetValue(key, out var best) || IsLater(operation, (d, i), best, figuresOf))
                    {
                        latest[key] = (d, i);
                    }
                }
            }
        }
        for (var d = 0; d < operation.Disclosures.Count; d++)
        {
            var disclosure = operation.Disclosures[d];
            var figures = figuresOf(disclosure);
            for (var i = 0; i < figures.Count; i++)
            {
                if (!counted[d][i] || !latest.TryGetValue((disclosure.By, thing(figures[i])), out var total))
                {
                    continue;
                }
                counted[d][i] = counting(figures[i]) == "cumulative"
                    ? (d, i) == total
                    : disclosure.Date.Earliest > operation.Disclosures[total.D].Date.Latest;
            }
        }
    }

    /// <summary>Whether running total <paramref name="a"/> supersedes <paramref name="b"/>: disclosed later, or on the same date and larger.</summary>
    private static bool IsLater<T>(OperationRecord operation, (int D, int I) a, (int D, int I) b, Func<DisclosureRecord, IReadOnlyList<T>> figuresOf)
    {
        var (dateA, dateB) = (operation.Disclosures[a.D].Date, operation.Disclosures[b.D].Date);
        if (dateA.Earliest != dateB.Earliest)
        {
            return dateA.Earliest > dateB.Earliest;
        }
        return Size(figuresOf(operation.Disclosures[a.D])[a.I]) > Size(figuresOf(operation.Disclosures[b.D])[b.I]);
    }

    private static decimal Size<T>(T figure) => figure switch
    {
        PlatformActionRecord action => action.Count,
        ReachRecord reach => reach.Value,
        _ => 0,
    };
}
