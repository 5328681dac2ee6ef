using Dapper;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;

namespace Transparency.Api.Actors;

/// <summary>An actor operations are attributed to.</summary>
public sealed record ActorSummary
{
    /// <summary>The actor id.</summary>
    public required string Id { get; init; }
    /// <summary>The name, as sources give it.</summary>
    public required string Name { get; init; }
    /// <summary>ISO 3166-1 alpha-2, if known.</summary>
    public string? Country { get; init; }
    /// <summary><c>government</c>, <c>military</c>, <c>law-enforcement</c>, <c>intelligence</c>, <c>state-media</c>, <c>ruling-party</c>, <c>political-party</c>, <c>private-firm</c>, <c>individual</c> or <c>unknown</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>The actor this one is part of.</summary>
    public string? Parent { get; init; }
    /// <summary>How many listed operations are attributed to it.</summary>
    public long OperationCount { get; init; }
}

/// <summary>An actor with its aliases, sources and operations.</summary>
public sealed record ActorDetail
{
    /// <summary>The actor id.</summary>
    public required string Id { get; init; }
    /// <summary>The name, as sources give it.</summary>
    public required string Name { get; init; }
    /// <summary>ISO 3166-1 alpha-2, if known.</summary>
    public string? Country { get; init; }
    /// <summary>What kind of actor it is.</summary>
    public required string Kind { get; init; }
    /// <summary>The actor this one is part of.</summary>
    public string? Parent { get; init; }
    /// <summary>One or two sentences.</summary>
    public required string Summary { get; init; }
    /// <summary>Other names.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }
    /// <summary>Operations attributed to it, and by whom.</summary>
    public required IReadOnlyList<ActorOperation> Operations { get; init; }
    /// <summary>Pages that describe the actor.</summary>
    public required IReadOnlyList<SourceDto> Sources { get; init; }
}

/// <summary>An operation attributed to an actor, and by whom.</summary>
/// <param name="Id">The operation id.</param>
/// <param name="Name">The operation name.</param>
/// <param name="AttributedBy">The organisation that made the attribution.</param>
/// <param name="Level">direct, linked-individuals, proxy, origin-only or unattributed.</param>
/// <param name="Confidence">As the discloser worded it.</param>
public sealed record ActorOperation(string Id, string Name, string AttributedBy, string Level, string Confidence);

public sealed class ActorQueries(DatasetFile dataset)
{
    private const string Columns = """
        a.id, a.name, a.country, a.kind, a.parent_id AS Parent,
        (SELECT count(DISTINCT t.operation_id) FROM attributions t JOIN operations o ON o.id = t.operation_id AND o.status = 'active' WHERE t.actor_id = a.id) AS OperationCount
        """;

    public IReadOnlyList<ActorSummary> List(string? country)
    {
        using var connection = dataset.OpenConnection();
        return country is null
            ? connection.Query<ActorSummary>($"SELECT {Columns} FROM actors a ORDER BY a.id").ToList()
            : connection.Query<ActorSummary>($"SELECT {Columns} FROM actors a WHERE a.country = @country ORDER BY a.id", new { country }).ToList();
    }

    /// <summary>One actor as it appears in lists; null when there is none.</summary>
    public ActorSummary? Find(string id)
    {
        using var connection = dataset.OpenConnection();
        return connection.QuerySingleOrDefault<ActorSummary>($"SELECT {Columns} FROM actors a WHERE a.id = @id", new { id });
    }

    public ActorDetail? Get(string id)
    {
        using var connection = dataset.OpenConnection();
        using var results = connection.QueryMultiple("""
            SELECT id, name, country, kind, parent_id AS Parent, summary FROM actors WHERE id = @id;
            SELECT alias FROM actor_aliases WHERE actor_id = @id ORDER BY alias;
            SELECT o.id, o.name, t.organisation_id AS AttributedBy, t.level, t.confidence
            FROM attributions t JOIN operations o ON o.id = t.operation_id AND o.status = 'active'
            WHERE t.actor_id = @id ORDER BY o.id, t.ordinal;
            SELECT id, url, title, publisher, published, kind, original, archive FROM actor_sources WHERE actor_id = @id ORDER BY id;
            """, new { id });
        var actor = results.ReadSingleOrDefault<(string Id, string Name, string? Country, string Kind, string? Parent, string Summary)>();
        if (actor.Id is null)
        {
            return null;
        }
        return new ActorDetail
        {
            Id = actor.Id,
            Name = actor.Name,
            Country = actor.Country,
            Kind = actor.Kind,
            Parent = actor.Parent,
            Summary = actor.Summary,
            Aliases = results.Read<string>().ToList(),
            Operations = results.Read<(string Id, string Name, string AttributedBy, string Level, string Confidence)>()
                .Select(o => new ActorOperation(o.Id, o.Name, o.AttributedBy, o.Level, o.Confidence)).ToList(),
            Sources = results.Read<(string Id, string Url, string Title, string Publisher, string? Published, string Kind, string? Original, string? Archive)>()
                .Select(s => new SourceDto(s.Id, s.Url, s.Title, s.Publisher, s.Published, s.Kind, s.Original, s.Archive)).ToList(),
        };
    }
}
