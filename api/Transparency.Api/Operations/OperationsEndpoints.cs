using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transparency.Api.Dataset;
using Transparency.Api.Http;

namespace Transparency.Api.Operations;

public static class OperationsEndpoints
{
    public const int MaxLimit = 100;

    private static readonly string[] ListParameters = [.. OperationFilter.Names, "sort", "limit", "cursor", "format"];

    public static RouteGroupBuilder MapOperations(this RouteGroupBuilder api)
    {
        var operations = api.MapGroup("/operations").WithTags("Operations");
        operations.MapGet("/", ListOperations)
            .WithName("ListOperations")
            .WithSummary("Find operations by actor, country, platform, discloser, topic, date and reach")
            .WithDescription("""
                A repeated filter (or a comma-separated list) means OR; different filters mean AND.
                `from`/`to` match disclosure dates; `activeFrom`/`activeTo` match activity dates. Dates may be YYYY, YYYY-MM or YYYY-MM-DD.
                Results come in pages of `limit` (at most 100); follow `nextCursor`, or the `Link: <…>; rel="next"` header, for the next page.
                Withdrawn and merged records are not listed.
                With `Accept: text/csv` or `format=csv`, the whole filtered set streams as CSV (no paging).
                """)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        operations.MapGet("/{id}", GetOperation)
            .WithName("GetOperation")
            .WithSummary("One operation's whole record, with the source behind every figure and attribution")
            .WithDescription("A merged id redirects (308) to the operation it was merged into; a withdrawn id answers 410 Gone.")
            .RejectQueryParameters();
        return api;
    }

    /// <param name="actor">Attributed actor id(s), e.g. `internet-research-agency`.</param>
    /// <param name="origin">Country of origin, ISO 3166-1 alpha-2, e.g. `CN`.</param>
    /// <param name="target">Targeted country, ISO 3166-1 alpha-2.</param>
    /// <param name="platform">Platform id(s), e.g. `facebook`, `x`, `tiktok`.</param>
    /// <param name="disclosedBy">Disclosing organisation id(s), e.g. `meta`, `twitter`, `graphika`.</param>
    /// <param name="topic">Topic id(s), e.g. `us-elections`.</param>
    /// <param name="from">Disclosed on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).</param>
    /// <param name="to">Disclosed on or before this date.</param>
    /// <param name="activeFrom">Active on or after this date.</param>
    /// <param name="activeTo">Active on or before this date.</param>
    /// <param name="minAccounts">At least this many accounts removed.</param>
    /// <param name="minFollowers">A followers figure of at least this.</param>
    /// <param name="q">Words to find in names, aliases and summaries; all must match.</param>
    /// <param name="sort">`name`, `firstSeen`, `lastDisclosed`, `accountsRemoved` or `followers`; prefix `-` for descending. Default `name`.</param>
    /// <param name="limit">Page size, 1 to 100. Default 50.</param>
    /// <param name="cursor">The `nextCursor` of the previous page.</param>
    /// <param name="format">`json` (default) or `csv`; `Accept: text/csv` also asks for CSV.</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Operation queries.</param>
    /// <param name="vocabulary">Known ids.</param>
    public static Results<Ok<OperationPage>, PushStreamHttpResult, ProblemHttpResult> ListOperations(
        [FromQuery] string[]? actor, [FromQuery] string[]? origin, [FromQuery] string[]? target, [FromQuery] string[]? platform,
        [FromQuery] string[]? disclosedBy, [FromQuery] string[]? topic, string? from, string? to, string? activeFrom, string? activeTo,
        string? minAccounts, string? minFollowers, string? q, string? sort, string? limit, string? cursor, string? format,
        HttpContext context, OperationQueries queries, Vocabulary vocabulary)
    {
        // The parameters above document the contract in OpenAPI; the strict reading below is what checks them.
        var query = new QueryParameters(context.Request.Query);
        query.RejectUnknown(ListParameters);
        var filter = OperationFilter.Read(query, vocabulary);
        var sortText = query.Choice("sort", OperationSort.Choices);
        var pageSize = (int)(query.WholeNumber("limit", 1, MaxLimit) ?? 50);
        var csv = query.Choice("format", ["json", "csv"]) == "csv"
            || context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        OperationCursor? after = null;
        if (query.One("cursor") is { } cursorText)
        {
            after = OperationCursor.Decode(cursorText);
            if (after is null)
            {
                query.Fail("cursor", "The cursor is not one this API gave out; start again without it.");
            }
            else if (after.Sort != (sortText ?? "name"))
            {
                query.Fail("cursor", $"The cursor belongs to sort={after.Sort}; keep the same sort while paging.");
            }
        }
        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (csv)
        {
            var all = queries.All(filter, OperationSort.Parse(sortText));
            return TypedResults.Stream(body => OperationCsv.Write(all, body, context.RequestAborted), "text/csv; charset=utf-8", "operations.csv");
        }
        var page = queries.List(filter, OperationSort.Parse(sortText), pageSize, after);
        if (page.NextCursor is not null)
        {
            context.Response.Headers.Link = $"<{NextUrl(context.Request, page.NextCursor)}>; rel=\"next\"";
        }
        return TypedResults.Ok(page);
    }

    /// <param name="id">The operation's id, e.g. `spamouflage`.</param>
    /// <param name="queries">Operation queries.</param>
    public static Results<Ok<OperationDetail>, RedirectHttpResult, ProblemHttpResult> GetOperation(string id, OperationQueries queries)
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
        return TypedResults.Ok(queries.Get(id)!);
    }

    private static string NextUrl(HttpRequest request, string cursor)
    {
        var parameters = request.Query.Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"cursor={Uri.EscapeDataString(cursor)}");
        return $"{request.PathBase}{request.Path}?{string.Join("&", parameters)}";
    }
}
