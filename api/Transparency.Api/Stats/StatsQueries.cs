using Dapper;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;

namespace Transparency.Api.Stats;

/// <summary>One facet value and its count.</summary>
/// <param name="Key">The value: a country code, platform id, organisation id or year.</param>
/// <param name="Count">Operations (or accounts, for the accountsRemoved facets) with that value.</param>
public sealed record FacetCount(string Key, long Count);

/// <summary>Facet counts over the operations that match a filter.</summary>
public sealed record StatsDto
{
    /// <summary>How many operations match.</summary>
    public long Operations { get; init; }
    /// <summary>Operations by country of origin.</summary>
    public required IReadOnlyList<FacetCount> ByOrigin { get; init; }
    /// <summary>Operations by targeted country.</summary>
    public required IReadOnlyList<FacetCount> ByTarget { get; init; }
    /// <summary>Operations by platform.</summary>
    public required IReadOnlyList<FacetCount> ByPlatform { get; init; }
    /// <summary>Operations by disclosing organisation.</summary>
    public required IReadOnlyList<FacetCount> ByDisclosedBy { get; init; }
    /// <summary>Operations by year of disclosure (an operation disclosed in two years counts in both); with <c>from</c>/<c>to</c>, only years of disclosures in the range.</summary>
    public required IReadOnlyList<FacetCount> ByDisclosureYear { get; init; }
    /// <summary>Accounts removed, by platform, counting each disclosure's own figures once; with <c>from</c>/<c>to</c>, only disclosures in the range.</summary>
    public required IReadOnlyList<FacetCount> AccountsRemovedByPlatform { get; init; }
    /// <summary>Accounts removed, by year of disclosure.</summary>
    public required IReadOnlyList<FacetCount> AccountsRemovedByYear { get; init; }
}

/// <summary>Facets under the same filter, built by the same query builder, as <c>/v1/operations</c>.</summary>
public sealed class StatsQueries(DatasetFile dataset)
{
    public StatsDto Get(OperationFilter filter)
    {
        var (from, where, parameters) = OperationQueries.Where(filter);
        // Disclosure dates choose the disclosures whose years and figures count, not only the operations.
        var dates = OperationQueries.DisclosureDates(filter, "d", parameters);
        // Every facet reads the same matched set; a CTE per statement keeps the connection strictly read-only.
        var with = $"WITH matched AS (SELECT o.id FROM {from} WHERE {string.Join(" AND ", where)})";
        using var connection = dataset.OpenConnection();
        using var results = connection.QueryMultiple($"""
            {with} SELECT count(*) FROM matched;
            {with} SELECT country AS Key, count(*) AS Count FROM operation_countries WHERE role = 'origin' AND operation_id IN matched GROUP BY country ORDER BY Count DESC, Key;
            {with} SELECT country AS Key, count(*) AS Count FROM operation_countries WHERE role = 'target' AND operation_id IN matched GROUP BY country ORDER BY Count DESC, Key;
            {with} SELECT platform_id AS Key, count(*) AS Count FROM operation_platforms WHERE operation_id IN matched GROUP BY platform_id ORDER BY Count DESC, Key;
            {with} SELECT organisation_id AS Key, count(DISTINCT operation_id) AS Count FROM disclosures WHERE operation_id IN matched GROUP BY organisation_id ORDER BY Count DESC, Key;
            {with} SELECT substr(d.date_start, 1, 4) AS Key, count(DISTINCT d.operation_id) AS Count FROM disclosures d WHERE d.operation_id IN matched AND {dates} GROUP BY Key ORDER BY Key;
            {with} SELECT pa.platform_id AS Key, sum(pa.count) AS Count FROM platform_actions pa
            JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
            WHERE pa.asset_kind_id = 'account' AND pa.counts_in_totals = 1 AND pa.operation_id IN matched AND {dates} GROUP BY pa.platform_id ORDER BY Count DESC, Key;
            {with} SELECT substr(d.date_start, 1, 4) AS Key, sum(pa.count) AS Count FROM platform_actions pa
            JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
            WHERE pa.asset_kind_id = 'account' AND pa.counts_in_totals = 1 AND pa.operation_id IN matched AND {dates} GROUP BY Key ORDER BY Key;
            """, parameters);
        return new StatsDto
        {
            Operations = results.ReadSingle<long>(),
            ByOrigin = [.. Facets(results)],
            ByTarget = [.. Facets(results)],
            ByPlatform = [.. Facets(results)],
            ByDisclosedBy = [.. Facets(results)],
            ByDisclosureYear = [.. Facets(results)],
            AccountsRemovedByPlatform = [.. Facets(results)],
            AccountsRemovedByYear = [.. Facets(results)],
        };
    }

    /// <summary>
    /// Read by position, not by <see cref="FacetCount"/>'s constructor: with no matching row SQLite reports no column
    /// type, and Dapper would then look for a constructor taking bytes and fail (a search matching nothing answered 500).
    /// </summary>
    private static IEnumerable<FacetCount> Facets(SqlMapper.GridReader results) =>
        results.Read<(string Key, long Count)>().Select(r => new FacetCount(r.Key, r.Count));
}
