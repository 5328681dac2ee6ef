using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Http;
using Transparency.Api.Query;

namespace Transparency.Api.Operations;

public static class OperationsEndpoints
{
    public static RouteGroupBuilder MapOperations(this RouteGroupBuilder api)
    {
        var operations = api.MapGroup("/operations").WithTags("Operations");
        operations.MapGet("/", ListOperations)
            .WithName("ListOperations")
            .WithSummary("Find operations by actor, country, platform, discloser, topic, date, reach and words")
            .WithDescription("""
                A repeated filter (or a comma-separated list) means OR; different filters mean AND.
                `from`/`to` match disclosure dates; `activeFrom`/`activeTo` match activity dates. Dates may be YYYY, YYYY-MM or YYYY-MM-DD.
                With `q`, results come best match first (`sort=relevance`) unless another sort is asked for.
                Results come in pages of `limit` (at most 100), with `totalCount`; follow `nextCursor`, or the `Link: <…>; rel="next"` header, for the next page.
                Withdrawn and merged records are not listed.
                With `Accept: text/csv` or `format=csv`, the whole filtered set streams as CSV (no paging).
                """)
            .ValidatesQuery<OperationQuery>()
            .Produces<OperationPage>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        operations.MapGet("/{id}", GetOperation)
            .WithName("GetOperation")
            .WithSummary("One operation's whole record, with the source behind every figure and attribution")
            .WithDescription("A merged id redirects (308) to the operation it was merged into; a withdrawn id answers 410 Gone.")
            .RejectQueryParameters()
            // Records are kept, and kept compressed (PrecompressedBodies): a response cache would add nothing, and,
            // varying by Accept only, would serve one client's compressed body to another.
            .CacheOutput(policy => policy.NoCache())
            .Produces(StatusCodes.Status308PermanentRedirect)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        return api;
    }

    /// <param name="query">The filters, order and page.</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Operation queries.</param>
    /// <param name="json">The records' JSON.</param>
    public static Results<PrecomputedJson<OperationPage>, PushStreamHttpResult> ListOperations([AsParameters] OperationQuery query, HttpContext context, OperationQueries queries, OperationJson json)
    {
        var csv = query.Format == "csv"
            || (query.Format is null && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        if (csv)
        {
            var all = queries.All(query, query.Order());
            return TypedResults.Stream(body => OperationCsv.Write(all, body, context.RequestAborted), "text/csv; charset=utf-8", "operations.csv");
        }
        var rows = queries.List(query, query.Order(), query.PageSize(), query.After());
        if (rows.NextCursor is not null)
        {
            context.Response.Headers.Link = $"<{NextUrl(context.Request, rows.NextCursor)}>; rel=\"next\"";
        }
        return PrecomputedJson.Page(rows.Items.Select(json.Of), rows.NextCursor, rows.Total);
    }

    /// <param name="id">The operation's id, e.g. `spamouflage`.</param>
    /// <param name="queries">Operation queries.</param>
    /// <param name="json">The records' JSON.</param>
    public static Results<PrecomputedJson<OperationDetail>, RedirectHttpResult, ProblemHttpResult> GetOperation(string id, OperationQueries queries, OperationJson json)
    {
        var status = queries.Status(id);
        if (status is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such operation.",
                detail: $"There is no operation '{id}'. Ids are lowercase slugs such as 'spamouflage'; search with GET /v1/operations?q=….");
        }
        if (status.Status == "merged" && status.MergedInto is not null)
        {
            return TypedResults.Redirect($"/v1/operations/{Uri.EscapeDataString(status.MergedInto)}", permanent: true, preserveMethod: true);
        }
        if (status.Status == "withdrawn")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "This operation was withdrawn.",
                detail: $"'{id}' was withdrawn from the dataset on {status.RetiredOn}: {status.RetiredReason}");
        }
        return PrecomputedJson.Record<OperationDetail>(json.Of(queries.Get(id)!));
    }

    private static string NextUrl(HttpRequest request, string cursor)
    {
        var parameters = request.Query.Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"cursor={Uri.EscapeDataString(cursor)}");
        return $"{request.PathBase}{request.Path}?{string.Join("&", parameters)}";
    }
}
