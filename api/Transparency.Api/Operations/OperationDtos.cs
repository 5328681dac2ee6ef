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
    /// <summary>Countries it targeted.</summary>
    public required IReadOnlyList<string> Targets { get; init; }
    /// <summary>Platforms it is known on.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }
    /// <summary>Organisations that disclosed it.</summary>
    public required IReadOnlyList<string> DisclosedBy { get; init; }
    /// <summary>Earliest reported activity (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public string? FirstSeen { get; init; }
    /// <summary>Latest reported activity.</summary>
    public string? LastSeen { get; init; }
    /// <summary>Day of the first disclosure.</summary>
    public string? FirstDisclosed { get; init; }
    /// <summary>Day of the latest disclosure.</summary>
    public string? LastDisclosed { get; init; }
    /// <summary>Accounts removed across disclosures, each disclosure counted once (see the docs).</summary>
    public long AccountsRemoved { get; init; }
    /// <summary>All assets removed: accounts, Pages, groups, channels…</summary>
    public long AssetsRemoved { get; init; }
    /// <summary>The largest followers figure reported, if any.</summary>
    public long? MaxFollowers { get; init; }
    /// <summary>true when it targeted its own country's people.</summary>
    public bool Domestic { get; init; }
}

/// <summary>A page of operations.</summary>
public sealed record OperationPage(IReadOnlyList<OperationSummary> Items, string? NextCursor);

/// <summary>The whole record of one operation, with the source behind every claim.</summary>
public sealed record OperationDetail
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary><c>active</c>, <c>withdrawn</c> or <c>merged</c>.</summary>
    public required string Status { get; init; }
    public required string Summary { get; init; }
    public bool Domestic { get; init; }
    public required IReadOnlyList<AliasDto> Aliases { get; init; }
    public ActivityDto? Activity { get; init; }
    public required IReadOnlyList<string> Origin { get; init; }
    public required TargetsDto Targets { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>DISARM technique ids.</summary>
    public required IReadOnlyList<string> Tactics { get; init; }
    public required IReadOnlyList<string> Platforms { get; init; }
    public required IReadOnlyList<AttributionDto> Attributions { get; init; }
    public required IReadOnlyList<DisclosureDto> Disclosures { get; init; }
    public required IReadOnlyList<RelationDto> Related { get; init; }
    public required ReachTotalsDto Totals { get; init; }
    public required IReadOnlyList<SourceDto> Sources { get; init; }
}

public sealed record AliasDto(string Name, string? By, string Source);

public sealed record ActivityDto(string? FirstSeen, string? LastSeen, string? Source);

public sealed record TargetsDto(IReadOnlyList<string> Countries, IReadOnlyList<string> Languages, IReadOnlyList<string> Audiences);

/// <summary>Who a discloser said is behind the operation.</summary>
public sealed record AttributionDto
{
    public ActorRefDto? Actor { get; init; }
    public string? Country { get; init; }
    /// <summary>The organisation that made the attribution.</summary>
    public required string By { get; init; }
    public required string Date { get; init; }
    /// <summary><c>direct</c>, <c>linked-individuals</c>, <c>proxy</c>, <c>origin-only</c> or <c>unattributed</c>.</summary>
    public required string Level { get; init; }
    /// <summary>As the discloser worded it: <c>high</c>, <c>moderate</c>, <c>low</c>, <c>stated</c> or <c>none</c>.</summary>
    public required string Confidence { get; init; }
    public required string Statement { get; init; }
    public required string Source { get; init; }
}

public sealed record ActorRefDto(string Id, string Name);

public sealed record DisclosureDto
{
    public required string Id { get; init; }
    public required string By { get; init; }
    public required string Date { get; init; }
    public string? Summary { get; init; }
    public required string Source { get; init; }
    /// <summary>Platforms the discloser said the operation used.</summary>
    public required IReadOnlyList<string> Platforms { get; init; }
    public required IReadOnlyList<PlatformActionDto> Actions { get; init; }
    public required IReadOnlyList<ReachFigureDto> Reach { get; init; }
}

/// <summary>Assets of one kind removed from one platform, as reported.</summary>
public sealed record PlatformActionDto(string Platform, string Asset, long Count, string Qualifier, string? Note, string Source, bool CountsInTotals);

/// <summary>An audience or scale figure, as reported.</summary>
public sealed record ReachFigureDto(string Metric, double Value, string Qualifier, string? Platform, string? Currency, string? Note, string Source, bool CountsInTotals);

public sealed record RelationDto(string Operation, string Relation, string Source);

public sealed record ReachTotalsDto(long AccountsRemoved, long AssetsRemoved, long? MaxFollowers);

/// <summary>A public page cited by the record.</summary>
public sealed record SourceDto(string Id, string Url, string Title, string Publisher, string? Published, string Kind, string? Original, string? Archive);
