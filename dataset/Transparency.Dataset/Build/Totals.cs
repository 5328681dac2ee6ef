using Transparency.Dataset.Model;

namespace Transparency.Dataset.Build;

/// <summary>
/// Per-operation totals for querying by reach, computed so that conflicting reports are not added up.
/// Within one disclosure, figures of the same thing (the same platform and asset kind, or the same metric
/// and platform) may come from several sources that disagree; only one source's figures count: the
/// disclosure's own source if it gives any, otherwise the source of the first figure listed. Figures from
/// one source add up (Twitter's 936 accounts and its wider 200,000), alternatives from others are kept and
/// shown but do not count. Disclosures then add up, each counting only its own takedown.
/// </summary>
public static class Totals
{
    public sealed record OperationTotals(long AccountsRemoved, long AssetsRemoved, long? MaxFollowers);

    /// <summary>Whether each action of a disclosure counts in the totals, in the order of <see cref="DisclosureRecord.Actions"/>.</summary>
    public static bool[] CountingActions(DisclosureRecord disclosure) =>
        Counting(disclosure, disclosure.Actions, a => (a.Platform, a.Asset), a => a.Source);

    /// <summary>Whether each reach figure of a disclosure counts in the totals, in the order of <see cref="DisclosureRecord.Reach"/>.</summary>
    public static bool[] CountingReach(DisclosureRecord disclosure) =>
        Counting(disclosure, disclosure.Reach, r => (r.Metric, r.Platform ?? ""), r => r.Source);

    public static OperationTotals Of(OperationRecord operation)
    {
        long accounts = 0, assets = 0;
        long? followers = null;
        foreach (var disclosure in operation.Disclosures)
        {
            var countingActions = CountingActions(disclosure);
            for (var i = 0; i < disclosure.Actions.Count; i++)
            {
                if (countingActions[i])
                {
                    assets += disclosure.Actions[i].Count;
                    accounts += disclosure.Actions[i].Asset == "account" ? disclosure.Actions[i].Count : 0;
                }
            }
            var countingReach = CountingReach(disclosure);
            for (var i = 0; i < disclosure.Reach.Count; i++)
            {
                if (countingReach[i] && disclosure.Reach[i].Metric == "followers")
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

    private static bool[] Counting<T>(DisclosureRecord disclosure, IReadOnlyList<T> figures, Func<T, (string, string)> thing, Func<T, string> source)
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
}
