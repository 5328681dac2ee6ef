namespace Transparency.Api.Operations;

/// <summary>An operation in a list: what it is, where from, against whom, and how big.</summary>
public sealed record OperationSummary
{
    /// <summary>Permanent id, e.g. <c>spamouflage</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The name most sources use.</summary>
    public required string Name { get; init; }
    /// <summary>Other names, as sources use them.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }
    /// <summary>Two to four sentences.</summary>
    public required string Summary { get; init; }
    /// <summary>Countries it was run from (ISO 3166-1 alpha-2).</summary>
    public required IReadOnlyList<string> Origin { get; init; }
    /// <summary>Countries it targeted (ISO 3166-1 alpha-2).</summary>
    public required IReadOnlyList<string> Targets { get; init; }
    /// <summary>Platforms it is known on.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }
    /// <summary>Ids of the organisations that disclosed it.</summary>
    public required IReadOnlyList<string> DisclosedBy { get; init; }
    /// <summary>Earliest reported activity (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public string? FirstSeen { get; init; }
    /// <summary>Latest reported activity, if a source gives one.</summary>
    public string? LastSeen { get; init; }
    /// <summary>Day of the first disclosure.</summary>
    public string? FirstDisclosed { get; init; }
    /// <summary>Day of the latest disclosure.</summary>
    public string? LastDisclosed { get; init; }
    /// <summary>Accounts removed across disclosures, no account counted twice (see docs/sqlite-schema.md); null when no disclosure gives an account figure.</summary>
    public long? AccountsRemoved { get; init; }
    /// <summary>All assets removed: accounts, Pages, groups, channels…; null when no disclosure gives a removal figure.</summary>
    public long? AssetsRemoved { get; init; }
    /// <summary>The largest followers figure reported, if any.</summary>
    public long? MaxFollowers { get; init; }
    /// <summary>True when it targeted its own country's people.</summary>
    public bool Domestic { get; init; }
    /// <summary>When the record was first published in the dataset (UTC), from git history; null if never committed.</summary>
    public string? Published { get; init; }
    /// <summary>When the record last changed (UTC), from git history; null if never committed.</summary>
    public string? Modified { get; init; }
}

/// <summary>A page of operations.</summary>
/// <param name="Items">The operations on this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="TotalCount">How many operations match the filters, on every page.</param>
public sealed record OperationPage(IReadOnlyList<OperationSummary> Items, string? NextCursor, long TotalCount);

/// <summary>The whole record of one operation, with the source behind every claim.</summary>
public sealed record OperationDetail
{
    /// <summary>Permanent id.</summary>
    public required string Id { get; init; }
    /// <summary>The name most sources use.</summary>
    public required string Name { get; init; }
    /// <summary><c>active</c>, <c>withdrawn</c> or <c>merged</c>.</summary>
    public required string Status { get; init; }
    /// <summary>Two to four sentences.</summary>
    public required string Summary { get; init; }
    /// <summary>true when it targeted its own country's people.</summary>
    public bool Domestic { get; init; }
    /// <summary>Other names, each with the source that uses it.</summary>
    public required IReadOnlyList<AliasDto> Aliases { get; init; }
    /// <summary>When it was active.</summary>
    public ActivityDto? Activity { get; init; }
    /// <summary>Countries it was run from (ISO 3166-1 alpha-2).</summary>
    public required IReadOnlyList<string> Origin { get; init; }
    /// <summary>Whom it aimed at.</summary>
    public required TargetsDto Targets { get; init; }
    /// <summary>Topic ids.</summary>
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>DISARM technique ids.</summary>
    public required IReadOnlyList<string> Tactics { get; init; }
    /// <summary>Platforms it is known on.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }
    /// <summary>Who disclosers said is behind it.</summary>
    public required IReadOnlyList<AttributionDto> Attributions { get; init; }
    /// <summary>Every public disclosure, with removals and reach figures.</summary>
    public required IReadOnlyList<DisclosureDto> Disclosures { get; init; }
    /// <summary>Links to other operations.</summary>
    public required IReadOnlyList<RelationDto> Related { get; init; }
    /// <summary>Totals across disclosures.</summary>
    public required ReachTotalsDto Totals { get; init; }
    /// <summary>Every page the record cites.</summary>
    public required IReadOnlyList<SourceDto> Sources { get; init; }
    /// <summary>When the record was first published in the dataset (UTC), from git history; null if never committed.</summary>
    public string? Published { get; init; }
    /// <summary>When the record last changed (UTC), from git history; null if never committed.</summary>
    public string? Modified { get; init; }
}

/// <summary>Another name of the operation.</summary>
/// <param name="Name">The other name, e.g. DRAGONBRIDGE.</param>
/// <param name="By">The organisation whose label it is, if one.</param>
/// <param name="Source">The id of the source (in <c>sources</c>) that uses the name.</param>
public sealed record AliasDto(string Name, string? By, string Source);

/// <summary>When the operation was active, with the precision the source gave.</summary>
/// <param name="FirstSeen">Earliest reported activity: YYYY, YYYY-MM or YYYY-MM-DD.</param>
/// <param name="LastSeen">Latest reported activity, if a source gives one.</param>
/// <param name="Source">The id of the source of these dates.</param>
public sealed record ActivityDto(string? FirstSeen, string? LastSeen, string? Source);

/// <summary>Whom the operation aimed at.</summary>
/// <param name="Countries">Targeted countries, ISO 3166-1 alpha-2.</param>
/// <param name="Languages">Languages of the content, ISO 639-1.</param>
/// <param name="Audiences">Audiences in words.</param>
public sealed record TargetsDto(IReadOnlyList<string> Countries, IReadOnlyList<string> Languages, IReadOnlyList<string> Audiences);

/// <summary>Who a discloser said is behind the operation.</summary>
public sealed record AttributionDto
{
    /// <summary>The actor named, if any.</summary>
    public ActorRefDto? Actor { get; init; }
    /// <summary>The country attributed, if any.</summary>
    public string? Country { get; init; }
    /// <summary>The organisation that made the attribution.</summary>
    public required string By { get; init; }
    /// <summary>When (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public required string Date { get; init; }
    /// <summary><c>direct</c>, <c>linked-individuals</c>, <c>proxy</c>, <c>origin-only</c> or <c>unattributed</c>.</summary>
    public required string Level { get; init; }
    /// <summary>As the discloser worded it: <c>high</c>, <c>moderate</c>, <c>low</c>, <c>stated</c> or <c>none</c>.</summary>
    public required string Confidence { get; init; }
    /// <summary>A paraphrase of what the discloser said.</summary>
    public required string Statement { get; init; }
    /// <summary>The id of the source (in sources) behind it.</summary>
    public required string Source { get; init; }
}

/// <summary>An actor named by an attribution.</summary>
/// <param name="Id">The actor's id; GET /v1/actors/{id} has the rest.</param>
/// <param name="Name">The actor's name.</param>
public sealed record ActorRefDto(string Id, string Name);

public sealed record DisclosureDto
{
    /// <summary>The id.</summary>
    public required string Id { get; init; }
    /// <summary>The organisation id.</summary>
    public required string By { get; init; }
    /// <summary>When (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public required string Date { get; init; }
    /// <summary>Two to four sentences.</summary>
    public string? Summary { get; init; }
    /// <summary>The id of the source (in sources) behind it.</summary>
    public required string Source { get; init; }
    /// <summary>Platforms the discloser said the operation used.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }
    /// <summary>What was removed, per platform and asset kind.</summary>
    public required IReadOnlyList<PlatformActionDto> Actions { get; init; }
    /// <summary>Audience and scale figures.</summary>
    public required IReadOnlyList<ReachFigureDto> Reach { get; init; }
}

/// <summary>Assets of one kind removed from one platform, as reported.</summary>
/// <param name="Platform">The platform id.</param>
/// <param name="Asset">What was removed: account, page, group, channel…</param>
/// <param name="Count">How many, as the source gives it.</param>
/// <param name="Qualifier">How the source qualified it: exact, about, at-least, more-than, up-to, fewer-than.</param>
/// <param name="Note">What the count covers, when not plain.</param>
/// <param name="Source">The id of the source of this figure.</param>
/// <param name="CountsInTotals">Whether the figure enters the operation's totals (alternatives from other sources, restatements and superseded running totals do not).</param>
/// <param name="Counting">new (removed in this disclosure), cumulative (the discloser's running total to date) or restatement (repeats an earlier figure).</param>
public sealed record PlatformActionDto(string Platform, string Asset, long Count, string Qualifier, string? Note, string Source, bool CountsInTotals, string Counting);

/// <summary>An audience or scale figure, as reported.</summary>
/// <param name="Metric">followers, group-members, subscribers, views, engagements, posts, ad-spend or platforms-used.</param>
/// <param name="Value">The figure, as the source gives it.</param>
/// <param name="Qualifier">How the source qualified it.</param>
/// <param name="Platform">The platform it is about, if one.</param>
/// <param name="Currency">For ad-spend, the ISO 4217 currency.</param>
/// <param name="Note">What the figure covers, when not plain.</param>
/// <param name="Source">The id of the source of this figure.</param>
/// <param name="CountsInTotals">Whether the figure may enter the operation's totals.</param>
/// <param name="Counting">new (measured in this disclosure), cumulative (a running total to date) or restatement (repeats an earlier figure).</param>
public sealed record ReachFigureDto(string Metric, double Value, string Qualifier, string? Platform, string? Currency, string? Note, string Source, bool CountsInTotals, string Counting);

/// <summary>A link to another operation, as a source states it.</summary>
/// <param name="Operation">The other operation's id.</param>
/// <param name="Relation">overlaps, successor-of, part-of or same-as.</param>
/// <param name="Source">The id of the source stating the relation.</param>
public sealed record RelationDto(string Operation, string Relation, string Source);

/// <summary>Totals derived so that conflicting reports are never added up (see docs/sqlite-schema.md).</summary>
/// <param name="AccountsRemoved">Accounts removed across disclosures, no account counted twice; null when unknown.</param>
/// <param name="AssetsRemoved">All assets removed across disclosures; null when unknown.</param>
/// <param name="MaxFollowers">The largest followers figure counted, if any.</param>
public sealed record ReachTotalsDto(long? AccountsRemoved, long? AssetsRemoved, long? MaxFollowers);

/// <summary>A public page cited by the record.</summary>
/// <param name="Id">The id that figures and attributions cite.</param>
/// <param name="Url">The page that was read.</param>
/// <param name="Title">Its title as published.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Published">When, if the page shows it.</param>
/// <param name="Kind">primary (the discloser's own page), mirror (a full copy of the discloser's text on another host) or secondary (a news account).</param>
/// <param name="Original">For a mirror or secondary source, the report it copies or quotes.</param>
/// <param name="Archive">An archived copy, if recorded.</param>
public sealed record SourceDto(string Id, string Url, string Title, string Publisher, string? Published, string Kind, string? Original, string? Archive);
