using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Dataset;
using Transparency.Api.Http;

namespace Transparency.Api.Vocabularies;

/// <summary>A platform operations ran on.</summary>
/// <param name="Id">Platform id, used by the platform filter.</param>
/// <param name="Name">Display name.</param>
/// <param name="Url">Its address.</param>
/// <param name="FormerNames">Names it had before (Twitter for X).</param>
/// <param name="OperationCount">How many listed operations are known on it.</param>
public sealed record PlatformDto(string Id, string Name, string? Url, IReadOnlyList<string> FormerNames, long OperationCount);

/// <summary>An organisation that discloses or attributes operations.</summary>
/// <param name="Id">Organisation id, used by the disclosedBy filter.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">platform, research, government or media.</param>
/// <param name="Country">Where it is based (ISO 3166-1 alpha-2), if known.</param>
/// <param name="Url">Its address.</param>
/// <param name="Description">One sentence, if given.</param>
/// <param name="DisclosureCount">How many disclosures of listed operations it made.</param>
public sealed record OrganisationDto(string Id, string Name, string Kind, string? Country, string Url, string? Description, long DisclosureCount);

/// <summary>A subject operations push or attack.</summary>
/// <param name="Id">Topic id, used by the topic filter.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What falls under it.</param>
/// <param name="OperationCount">How many listed operations touch it.</param>
public sealed record TopicDto(string Id, string Name, string Description, long OperationCount);

/// <summary>The vocabularies, each entry with how much of the dataset uses it.</summary>
public sealed class VocabularyQueries(DatasetFile dataset)
{
    public IReadOnlyList<PlatformDto> Platforms()
    {
        using var connection = dataset.OpenConnection();
        var former = connection.Query<(string Platform, string Name)>("SELECT platform_id, name FROM platform_former_names ORDER BY name").ToLookup(f => f.Platform, f => f.Name);
        var rows = connection.Query<(string Id, string Name, string? Url, long Count)>("""
            SELECT p.id, p.name, p.url,
                   (SELECT count(*) FROM operation_platforms x JOIN operations o ON o.id = x.operation_id AND o.status = 'active' WHERE x.platform_id = p.id)
            FROM platforms p ORDER BY p.id
            """);
        return [.. rows.Select(r => new PlatformDto(r.Id, r.Name, r.Url, [.. former[r.Id]], r.Count))];
    }

    public IReadOnlyList<OrganisationDto> Organisations()
    {
        using var connection = dataset.OpenConnection();
        var rows = connection.Query<(string Id, string Name, string Kind, string? Country, string Url, string? Description, long Count)>("""
            SELECT g.id, g.name, g.kind, g.country, g.url, g.description,
                   (SELECT count(*) FROM disclosures d JOIN operations o ON o.id = d.operation_id AND o.status = 'active' WHERE d.organisation_id = g.id)
            FROM organisations g ORDER BY g.id
            """);
        return [.. rows.Select(r => new OrganisationDto(r.Id, r.Name, r.Kind, r.Country, r.Url, r.Description, r.Count))];
    }

    public IReadOnlyList<TopicDto> Topics()
    {
        using var connection = dataset.OpenConnection();
        var rows = connection.Query<(string Id, string Name, string Description, long Count)>("""
            SELECT t.id, t.name, t.description,
                   (SELECT count(*) FROM operation_topics x JOIN operations o ON o.id = x.operation_id AND o.status = 'active' WHERE x.topic_id = t.id)
            FROM topics t ORDER BY t.id
            """);
        return [.. rows.Select(r => new TopicDto(r.Id, r.Name, r.Description, r.Count))];
    }
}

public static class VocabularyEndpoints
{
    public static RouteGroupBuilder MapVocabularies(this RouteGroupBuilder api)
    {
        var vocabularies = api.MapGroup("/").WithTags("Vocabularies");
        vocabularies.MapGet("/platforms", ListPlatforms).WithName("ListPlatforms").WithSummary("Every platform, with former names and how many operations are known on it").RejectQueryParameters();
        vocabularies.MapGet("/organisations", ListOrganisations).WithName("ListOrganisations").WithSummary("Every disclosing organisation, with how many disclosures it made").RejectQueryParameters();
        vocabularies.MapGet("/topics", ListTopics).WithName("ListTopics").WithSummary("Every topic, with how many operations touch it").RejectQueryParameters();
        return api;
    }

    public static Results<Ok<IReadOnlyList<PlatformDto>>, ProblemHttpResult> ListPlatforms(VocabularyQueries queries) =>
        TypedResults.Ok(queries.Platforms());

    public static Results<Ok<IReadOnlyList<OrganisationDto>>, ProblemHttpResult> ListOrganisations(VocabularyQueries queries) =>
        TypedResults.Ok(queries.Organisations());

    public static Results<Ok<IReadOnlyList<TopicDto>>, ProblemHttpResult> ListTopics(VocabularyQueries queries) =>
        TypedResults.Ok(queries.Topics());
}
