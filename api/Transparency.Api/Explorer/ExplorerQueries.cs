using Dapper;
using Transparency.Api.Aggregates;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;
using Transparency.Api.Stats;

namespace Transparency.Api.Explorer;

/// <summary>One value of a two-way count, such as the disclosures Meta made in 2020.</summary>
/// <param name="Series">The platform or organisation id.</param>
/// <param name="Year">The year of disclosure.</param>
/// <param name="Value">The count.</param>
public sealed record SeriesPoint(string Series, string Year, long Value);

/// <summary>
/// The reads the pages need beyond the API's own queries: the topic facet (under the filter SQL of
/// <see cref="OperationQueries.Where"/>, so it matches the list beside it), and the charts' two-way counts, which are
/// the cells of <c>/v1/aggregates</c> (active operations only, accounts only from figures that count in totals).
/// </summary>
public sealed class ExplorerQueries(DatasetFile dataset, AggregateQueries aggregates)
{
    /// <summary>Operations by topic under a filter.</summary>
    public IReadOnlyList<FacetCount> ByTopic(OperationFilter filter)
    {
        var (from, where, parameters) = OperationQueries.Where(filter);
        using var connection = dataset.OpenConnection();
        return [.. connection.Query<(string Key, long Count)>($"""
            WITH matched AS (SELECT o.id FROM {from} WHERE {string.Join(" AND ", where)})
            SELECT topic_id AS Key, count(*) AS Count FROM operation_topics WHERE operation_id IN matched GROUP BY topic_id ORDER BY Count DESC, Key
            """, parameters).Select(r => new FacetCount(r.Key, r.Count))];
    }

    /// <summary>Disclosures of listed operations, by disclosing organisation and year: <c>/v1/aggregates?by=discloser,year</c>.</summary>
    public IReadOnlyList<SeriesPoint> DisclosuresByDiscloserAndYear() =>
        [.. aggregates.Get(new AggregateQuery { By = ["discloser", "year"] }).Cells
            .Select(c => new SeriesPoint(c.Discloser!, c.Year!, c.Disclosures))];

    /// <summary>Accounts removed, by platform and year of disclosure, under the totals rule: <c>/v1/aggregates?by=platform,year</c>.</summary>
    public IReadOnlyList<SeriesPoint> AccountsRemovedByPlatformAndYear() =>
        [.. aggregates.Get(new AggregateQuery { By = ["platform", "year"] }).Cells
            .Where(c => c.Platform is not null && c.AccountsRemoved > 0)
            .Select(c => new SeriesPoint(c.Platform!, c.Year!, c.AccountsRemoved))];

    /// <summary>Asset kinds by id, with their display names.</summary>
    public IReadOnlyDictionary<string, string> AssetKindNames()
    {
        using var connection = dataset.OpenConnection();
        return connection.Query<(string Id, string Name)>("SELECT id, name FROM asset_kinds").ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
    }
}
