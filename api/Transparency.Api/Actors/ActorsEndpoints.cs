using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Dataset;
using Transparency.Api.Http;
using Transparency.Dataset.Schema;

namespace Transparency.Api.Actors;

public static class ActorsEndpoints
{
    public static RouteGroupBuilder MapActors(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("/", ListActors).WithName("ListActors").WithSummary("Every actor operations are attributed to");
        actors.MapGet("/{id}", GetActor).WithName("GetActor").WithSummary("One actor, with its aliases, sources and the operations attributed to it").RejectQueryParameters()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="country">Only actors of this country (ISO 3166-1 alpha-2).</param>
    /// <param name="context">The request.</param>
    /// <param name="queries">Actor queries.</param>
    public static Results<Ok<IReadOnlyList<ActorSummary>>, ProblemHttpResult> ListActors(string? country, HttpContext context, ActorQueries queries)
    {
        var query = new QueryParameters(context.Request.Query);
        query.RejectUnknown(["country"]);
        var countries = query.Countries("country");
        if (countries.Length > 1)
        {
            query.Fail("country", "Give one country.");
        }
        return query.HasErrors ? query.Problem() : TypedResults.Ok(queries.List(countries.FirstOrDefault()));
    }

    /// <param name="id">The actor's id, e.g. `internet-research-agency`.</param>
    /// <param name="queries">Actor queries.</param>
    /// <param name="vocabulary">Known ids, and the actors' other names.</param>
    public static Results<Ok<ActorDetail>, ProblemHttpResult> GetActor(string id, ActorQueries queries, Vocabulary vocabulary)
    {
        if (queries.Get(id) is { } actor)
        {
            return TypedResults.Ok(actor);
        }
        var meant = id.Length <= 100 ? Suggest.Id(id, vocabulary.Actors, vocabulary.ActorNames) : null;
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such actor.",
            detail: $"There is no actor '{(id.Length <= 100 ? id : id[..100] + "…")}'." + (meant is not null ? $" Did you mean '{meant}'?" : "") + " GET /v1/actors lists them all.");
    }
}
