using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.Stats;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStats(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetStats).WithTags("Stats").WithName("GetStats")
            .WithSummary("Facet counts under the same filters as /v1/operations")
            .WithDescription("Operations by origin, target, platform, disclosing organisation and year of disclosure; accounts removed by platform and by year. `from`/`to` also choose which disclosures' years and removals are counted. For any grouping of removals and reach, see /v1/aggregates.")
            .ValidatesQuery<OperationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <param name="filter">Which operations to count.</param>
    /// <param name="queries">Stats queries.</param>
    public static Ok<StatsDto> GetStats([AsParameters] OperationFilter filter, StatsQueries queries) => TypedResults.Ok(queries.Get(filter));
}
