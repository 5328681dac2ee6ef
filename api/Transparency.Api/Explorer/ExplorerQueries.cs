using Dapper;
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
/// The few reads the pages need that the API has no endpoint for: the topic facet (under the filter SQL of
/// <see cref="OperationQueries.Where"/>, so it matches the list beside it) and the two-way counts behind the charts
/// (the same rules as <see cref="StatsQueries"/>: active operations only, accounts only from figures that count in totals).
/// </summary>
public sealed class ExplorerQueries(DatasetFile dataset)
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

    /// <summary>Disclosures of listed operations, by disclosing organisation and year.</summary>
    public IReadOnlyList<SeriesPoint> DisclosuresByDiscloserAndYear()
    {
        using var connection = dataset.OpenConnection();
        return [.. connection.Query<SeriesPoint>("""
            SELECT d.organisation_id AS Series, substr(d.date_start, 1, 4) AS Year, count(*) AS Value
            FROM disclosures d JOIN operations o ON o.id = d.operation_id AND o.status = 'active'
            GROUP BY Series, Year ORDER BY Series, Year
            """)];
    }

    /// <summary>Accounts removed, by platform and year of disclosure, counting each disclosure's own figures once.</summary>
    public IReadOnlyList<SeriesPoint> AccountsRemovedByPlatformAndYear()
    {
        using var connection = dataset.OpenConnection();
        return [.. connection.Query<SeriesPoint>("""
            SELECT pa.platform_id AS Series, substr(d.date_start, 1, 4) AS Year, sum(pa.count) AS Value
            FROM platform_actions pa
            JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
            JOIN operations o ON o.id = pa.operation_id AND o.status = 'active'
            WHERE pa.asset_kind_id = 'account' AND pa.counts_in_totals = 1
            GROUP BY Series, Year ORDER BY Series, Year
            """)];
    }

    /// <summary>Asset kinds by id, with their display names.</summary>
    public IReadOnlyDictionary<string, string> AssetKindNames()
    {
        using var connection = dataset.OpenConnection();
        return connection.Query<(string Id, string Name)>("SELECT id, name FROM asset_kinds").ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
    }
}
