using Transparency.Api.Dataset;
using Transparency.Api.Http;

namespace Transparency.Api.Operations;

/// <summary>
/// The filters of <c>/v1/operations</c>. A repeated filter (or a comma-separated list) means OR; different
/// filters mean AND. The GraphQL API will take the same filter, so both answer the same question the same way.
/// </summary>
public sealed record OperationFilter
{
    public static readonly string[] Names =
        ["actor", "origin", "target", "platform", "disclosedBy", "topic", "from", "to", "activeFrom", "activeTo", "minAccounts", "minFollowers", "q"];

    public string[] Actors { get; init; } = [];
    public string[] Origins { get; init; } = [];
    public string[] Targets { get; init; } = [];
    public string[] Platforms { get; init; } = [];
    public string[] DisclosedBy { get; init; } = [];
    public string[] Topics { get; init; } = [];

    /// <summary>At least one disclosure on or after this day.</summary>
    public DateOnly? DisclosedFrom { get; init; }

    /// <summary>At least one disclosure on or before this day.</summary>
    public DateOnly? DisclosedTo { get; init; }

    /// <summary>Activity that had not ended before this day.</summary>
    public DateOnly? ActiveFrom { get; init; }

    /// <summary>Activity that had begun by this day.</summary>
    public DateOnly? ActiveTo { get; init; }

    public long? MinAccounts { get; init; }
    public long? MinFollowers { get; init; }

    /// <summary>Full-text words over names, aliases and summaries; every word must match.</summary>
    public string? Text { get; init; }

    public static OperationFilter Read(QueryParameters query, Vocabulary vocabulary) => new()
    {
        Actors = query.Ids("actor", vocabulary.Actors, "actor", vocabulary.ActorNames),
        Origins = query.Countries("origin"),
        Targets = query.Countries("target"),
        Platforms = query.Ids("platform", vocabulary.Platforms, "platform", vocabulary.PlatformNames),
        DisclosedBy = query.Ids("disclosedBy", vocabulary.Organisations, "organisation", vocabulary.OrganisationNames),
        Topics = query.Ids("topic", vocabulary.Topics, "topic"),
        DisclosedFrom = query.Date("from", end: false),
        DisclosedTo = query.Date("to", end: true),
        ActiveFrom = query.Date("activeFrom", end: false),
        ActiveTo = query.Date("activeTo", end: true),
        MinAccounts = query.WholeNumber("minAccounts", 0, long.MaxValue),
        MinFollowers = query.WholeNumber("minFollowers", 0, long.MaxValue),
        Text = query.Text("q", 200),
    };
}
