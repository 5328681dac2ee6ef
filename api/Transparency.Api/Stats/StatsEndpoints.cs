using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transparency.Api.Dataset;
using Transparency.Api.Http;
using Transparency.Api.Operations;

namespace Transparency.Api.Stats;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStats(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetStats).WithTags("Stats").WithName("GetStats")
            .WithSummary("Facet counts under the same filters as /v1/operations")
            .WithDescription("Operations by origin, target, platform, disclosing organisation and year of disclosure; accounts removed by platform and by year.");
        return api;
    }

    /// <param name="actor">Attributed actor id(s).</param>
    /// <param name="origin">Country of origin (ISO 3166-1 alpha-2).</param>
    /// <param name="target">Targeted country.</param>
    /// <param name="platform">Platform id(s).</param>
    /// <param name="disclosedBy">Disclosing organisation id(s).</param>
    /// <param name="topic">Topic id(s).</param>
    /// <param name="from">Disclosed on or after (YYYY, YYYY-MM or YYYY-MM-DD).</param>
    /// <param name="to">Disclosed on or before.</param>
    /// <param name="activeFrom">Active on or after.</param>
    /// <param name="activeTo">Active on or before.</param>
    /// <param name="minAccounts">At least this many accounts removed.</param>
    /// <param name="minFollowers">A followers figure of at least this.</param>
    /// <param name="q">Words to find in names, aliases and summaries.</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Stats queries.</param>
    /// <param name="vocabulary">Known ids.</param>
    public static Results<Ok<StatsDto>, ProblemHttpResult> GetStats(
        [FromQuery] string[]? actor, [FromQuery] string[]? origin, [FromQuery] string[]? target, [FromQuery] string[]? platform,
        [FromQuery] string[]? disclosedBy, [FromQuery] string[]? topic, string? from, string? to, string? activeFrom, string? activeTo,
        string? minAccounts, string? minFollowers, string? q, HttpContext context, StatsQueries queries, Vocabulary vocabulary)
    {
        var query = new QueryParameters(context.Request.Query);
        query.RejectUnknown(OperationFilter.Names);
        var filter = OperationFilter.Read(query, vocabulary);
        return query.HasErrors ? query.Problem() : TypedResults.Ok(queries.Get(filter));
    }
}
