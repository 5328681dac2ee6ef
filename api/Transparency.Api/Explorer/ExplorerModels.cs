using Transparency.Api.Actors;
using Transparency.Api.Operations;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.Explorer;

// What each page shows, computed by its endpoint before rendering so that the endpoint alone decides the status code.

/// <summary>A search: its state, and (unless the URL had a mistake) a page of results and the facets.</summary>
public sealed record HomeModel(SearchState State, Operations.OperationPage? Results, StatsDto? Facets, IReadOnlyList<FacetCount> Topics);

/// <summary>One operation, the related operations it names that are listed, and the page's own address (for citing it).</summary>
public sealed record OperationModel(OperationDetail Operation, IReadOnlyDictionary<string, OperationSummary> Related, string Url);

public sealed record ActorModel(ActorDetail Actor);

public sealed record ActorsModel(IReadOnlyList<ActorSummary> Actors);

public sealed record DiscloserModel(OrganisationDto Organisation, IReadOnlyList<OperationSummary> Operations, IReadOnlyList<SeriesPoint> DisclosuresPerYear);

public sealed record DisclosersModel(IReadOnlyList<OrganisationDto> Organisations);

public sealed record PlatformModel(PlatformDto Platform, IReadOnlyList<OperationSummary> Operations, IReadOnlyList<SeriesPoint> AccountsPerYear);

public sealed record PlatformsModel(IReadOnlyList<PlatformDto> Platforms);

public sealed record ChartsModel(IReadOnlyList<SeriesPoint> DisclosuresByDiscloser, IReadOnlyList<SeriesPoint> AccountsByPlatform);

public sealed record AboutModel(StatsDto Totals);

/// <summary>A page that only says something: not found, withdrawn, a mistake.</summary>
public sealed record MessageModel(string Title, string Message);

/// <summary>One row of a small-multiples bar chart: a platform or organisation, and its value per year.</summary>
public sealed record ChartRow(string Label, string? Href, IReadOnlyDictionary<string, long> ByYear)
{
    public long Total => ByYear.Values.Sum();

    /// <summary>Rows from two-way counts, largest total first.</summary>
    public static IReadOnlyList<ChartRow> From(IEnumerable<SeriesPoint> points, Func<string, string> label, Func<string, string?> href) =>
        [.. points.GroupBy(p => p.Series)
            .Select(g => new ChartRow(label(g.Key), href(g.Key), g.ToDictionary(p => p.Year, p => p.Value, StringComparer.Ordinal)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Label, StringComparer.Ordinal)];

    /// <summary>Every year from the first to the last that any row has, so that gaps show as gaps.</summary>
    public static IReadOnlyList<string> Years(IEnumerable<ChartRow> rows)
    {
        var years = rows.SelectMany(r => r.ByYear.Keys).Select(int.Parse).ToList();
        return years.Count == 0 ? [] : [.. Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
