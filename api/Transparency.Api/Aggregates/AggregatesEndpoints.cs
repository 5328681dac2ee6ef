using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.Aggregates;

public static class AggregatesEndpoints
{
    public static RouteGroupBuilder MapAggregates(this RouteGroupBuilder api)
    {
        api.MapGet("/aggregates", GetAggregates).WithTags("Stats").WithName("GetAggregates")
            .WithSummary("Removal and reach figures grouped by platform, asset kind, discloser, country of origin and year of disclosure")
            .WithDescription("""
                Sums each disclosure's counted figures (the totals rule of docs/sqlite-schema.md, so no figure counts twice within a cell)
                over the operations the filters select, grouped by any of `by=platform,asset,discloser,origin,year`, with the number of
                operations and disclosures behind each cell. `from`/`to` choose the disclosures whose figures are summed.
                With `Accept: text/csv` or `format=csv`, the same cells as CSV.
                """)
            .ValidatesQuery<AggregateQuery>()
            .Produces<AggregateResult>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <param name="query">The filters and groupings.</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Aggregate queries.</param>
    public static Results<Ok<AggregateResult>, ContentHttpResult> GetAggregates([AsParameters] AggregateQuery query, HttpContext context, AggregateQueries queries)
    {
        var result = queries.Get(query);
        var csv = query.Format == "csv"
            || (query.Format is null && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        return csv ? TypedResults.Text(Csv(result), "text/csv; charset=utf-8") : TypedResults.Ok(result);
    }

    /// <summary>One row per cell: the groupings asked for, then the figures.</summary>
    public static string Csv(AggregateResult result)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', result.By.Append("accounts_removed").Append("assets_removed").Append("followers").Append("operations").Append("disclosures"))).Append("\r\n");
        foreach (var cell in result.Cells)
        {
            var keys = result.By.Select(b => b switch
            {
                "platform" => cell.Platform,
                "asset" => cell.Asset,
                "discloser" => cell.Discloser,
                "origin" => cell.Origin,
                _ => cell.Year,
            });
            long[] figures = [cell.AccountsRemoved, cell.AssetsRemoved, cell.Followers, cell.Operations, cell.Disclosures];
            text.Append(string.Join(',', keys.Select(OperationCsv.Escape).Concat(figures.Select(f => f.ToString(CultureInfo.InvariantCulture))))).Append("\r\n");
        }
        return text.ToString();
    }
}
