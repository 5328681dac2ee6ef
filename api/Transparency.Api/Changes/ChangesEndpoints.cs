using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Http;

namespace Transparency.Api.Changes;

public static class ChangesEndpoints
{
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", GetChanges).WithTags("Dataset").WithName("GetChanges")
            .WithSummary("Operations added, changed, withdrawn or merged since a release or a time, for incremental sync")
            .WithDescription("`since` is a data version listed by GET /v1/dataset (releases), or a date or time (YYYY-MM-DD or ISO 8601, UTC). Changes are read from each record's published and modified times, stamped from git history when the database was built.");
        return api;
    }

    /// <param name="since">A release version (e.g. 2026.11.0) or a date or time (e.g. 2026-11-01).</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Change queries.</param>
    public static Results<Ok<ChangesDto>, ProblemHttpResult> GetChanges(string? since, HttpContext context, ChangeQueries queries)
    {
        var query = new QueryParameters(context.Request.Query);
        query.RejectUnknown(["since"]);
        var text = query.One("since");
        if (text is null && !query.HasErrors)
        {
            query.Fail("since", "Give since: a release version listed by GET /v1/dataset, or a date such as 2026-11-01.");
        }
        ChangesDto? changes = null;
        if (text is not null && !query.HasErrors)
        {
            changes = queries.Since(text);
            if (changes is null)
            {
                var versions = queries.Releases.Select(r => r.Version).ToList();
                query.Fail("since", $"'{text}' is neither a release version nor a date." +
                    (versions.Count > 0 ? $" Releases: {string.Join(", ", versions)}." : " No releases index is published beside this database, so give a date such as 2026-11-01."));
            }
        }
        return query.HasErrors ? query.Problem() : TypedResults.Ok(changes!);
    }
}
