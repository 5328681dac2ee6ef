using Dapper;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;

namespace Transparency.Api.Aggregates;

/// <summary>One cell of an aggregate: the values of the groupings asked for, and the figures summed under them.</summary>
public sealed record AggregateCell
{
    /// <summary>The platform of the figures, when grouped by platform; null there for figures that name none (and disclosures without figures).</summary>
    public string? Platform { get; init; }
    /// <summary>The kind of asset removed (<c>account</c>, <c>page</c>…), when grouped by asset; null there for reach figures and disclosures without removals.</summary>
    public string? Asset { get; init; }
    /// <summary>The disclosing organisation, when grouped by discloser.</summary>
    public string? Discloser { get; init; }
    /// <summary>The country of origin (ISO 3166-1 alpha-2), when grouped by origin; null there for operations of unknown origin.</summary>
    public string? Origin { get; init; }
    /// <summary>The year of disclosure, when grouped by year.</summary>
    public string? Year { get; init; }
    /// <summary>Accounts removed: the counted figures of asset kind <c>account</c>, each once.</summary>
    public long AccountsRemoved { get; init; }
    /// <summary>All assets removed (accounts, Pages, groups, channels…), each counted figure once.</summary>
    public long AssetsRemoved { get; init; }
    /// <summary>The sum of the counted <c>followers</c> figures (audiences overlap: read it as a scale, not a head count).</summary>
    public long Followers { get; init; }
    /// <summary>How many operations the cell's figures come from.</summary>
    public long Operations { get; init; }
    /// <summary>How many disclosures (takedowns, reports) the cell counts, with or without figures.</summary>
    public long Disclosures { get; init; }
}

/// <summary>Removal and reach figures summed by the groupings asked for.</summary>
public sealed record AggregateResult
{
    /// <summary>The groupings, in the order asked for.</summary>
    public required IReadOnlyList<string> By { get; init; }
    /// <summary>One cell per combination of grouping values that has disclosures, ordered by those values (nulls last).</summary>
    public required IReadOnlyList<AggregateCell> Cells { get; init; }
}

/// <summary>
/// Aggregates over the operations a filter selects. The rows summed are each disclosure's counted figures (the totals rule of
/// docs/sqlite-schema.md: <c>counts_in_totals = 1</c>), so no figure counts twice within a cell; a disclosure without figures
/// still counts as a disclosure. Disclosure dates choose the disclosures, and so the figures.
/// </summary>
public sealed class AggregateQueries(DatasetFile dataset)
{
    /// <summary>Each grouping's SQL over the figure rows <c>f</c>, their disclosure <c>d</c> and the origin <c>oc</c>.</summary>
    private static readonly Dictionary<string, string> Groupings = new(StringComparer.Ordinal)
    {
        ["platform"] = "f.platform",
        ["asset"] = "f.asset",
        ["discloser"] = "d.organisation_id",
        ["origin"] = "oc.country",
        ["year"] = "substr(d.date_start, 1, 4)",
    };

    public AggregateResult Get(AggregateQuery query)
    {
        var by = query.By ?? [];
        var (from, where, parameters) = OperationQueries.Where(query);
        var dates = OperationQueries.DisclosureDates(query, "d", parameters);
        var keys = by.Select(b => $"{Groupings[b]} AS {b}").ToList();
        var group = by.Length == 0 ? "" : $"GROUP BY {string.Join(", ", by.Select(b => Groupings[b]))} ORDER BY {string.Join(", ", by.Select(b => $"{Groupings[b]} IS NULL, {Groupings[b]}"))}";
        var origin = by.Contains("origin") ? "LEFT JOIN operation_countries oc ON oc.operation_id = d.operation_id AND oc.role = 'origin'" : "";
        var sql = $"""
            WITH matched AS (SELECT o.id FROM {from} WHERE {string.Join(" AND ", where)}),
            figures AS (
                SELECT operation_id, disclosure_id, platform_id AS platform, asset_kind_id AS asset,
                       CASE WHEN asset_kind_id = 'account' THEN count ELSE 0 END AS accounts, count AS assets, 0 AS followers
                FROM platform_actions WHERE counts_in_totals = 1
                UNION ALL
                SELECT operation_id, disclosure_id, platform_id, NULL, 0, 0, value
                FROM reach_figures WHERE counts_in_totals = 1 AND metric = 'followers')
            SELECT {string.Join("", keys.Select(k => k + ", "))}
                   coalesce(sum(f.accounts), 0) AS AccountsRemoved, coalesce(sum(f.assets), 0) AS AssetsRemoved,
                   CAST(coalesce(sum(f.followers), 0) AS INTEGER) AS Followers,
                   count(DISTINCT d.operation_id) AS Operations, count(DISTINCT d.operation_id || '/' || d.id) AS Disclosures
            FROM disclosures d
            LEFT JOIN figures f ON f.operation_id = d.operation_id AND f.disclosure_id = d.id
            {origin}
            WHERE d.operation_id IN matched AND {dates}
            {group}
            """;
        using var connection = dataset.OpenConnection();
        var cells = connection.Query<AggregateCell>(sql, parameters).ToList();
        // With no grouping and nothing matched, SQL still gives one row of zeros: the honest total of nothing.
        return new AggregateResult { By = by, Cells = cells };
    }
}
