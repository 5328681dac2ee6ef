using Transparency.Dataset.Schema;

namespace Transparency.Dataset.Model;

// The compiled form of the data files, bound only from files that passed validation.
// Field meanings are documented once, in Schema/Schemas.cs and docs/dataset-format.md.

public sealed record SourceRecord(string Id, string Url, string Title, string Publisher, PartialDate? Published, string Kind, string? Original, string? Archive);

public sealed record AliasRecord(string Name, string? By, string Source);

public sealed record ActivityRecord(PartialDate FirstSeen, PartialDate? LastSeen, string Source);

public sealed record AttributionRecord(string? Actor, string? Country, string By, PartialDate Date, string Level, string Confidence, string Statement, string Source);

public sealed record PlatformActionRecord(string Platform, string Asset, long Count, string Qualifier, string Counting, string? Note, string Source);

public sealed record ReachRecord(string Metric, decimal Value, string Qualifier, string Counting, string? Platform, string? Currency, string? Note, string Source);

public sealed record DisclosureRecord(string Id, string By, PartialDate Date, string Source, string? Report, string? Summary,
    IReadOnlyList<string> Platforms, IReadOnlyList<PlatformActionRecord> Actions, IReadOnlyList<ReachRecord> Reach);

public sealed record RelationRecord(string Operation, string Relation, string Source);

public sealed record RetirementRecord(PartialDate Date, string Reason);

public sealed record OperationRecord(
    string Id,
    string Name,
    string Status,
    string? MergedInto,
    RetirementRecord? Retired,
    IReadOnlyList<AliasRecord> Aliases,
    string Summary,
    bool Domestic,
    ActivityRecord? Activity,
    IReadOnlyList<string> Origin,
    IReadOnlyList<string> TargetCountries,
    IReadOnlyList<string> TargetLanguages,
    IReadOnlyList<string> TargetAudiences,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<AttributionRecord> Attributions,
    IReadOnlyList<DisclosureRecord> Disclosures,
    IReadOnlyList<RelationRecord> Related,
    IReadOnlyList<SourceRecord> Sources,
    string FilePath);

public sealed record ActorRecord(string Id, string Name, IReadOnlyList<string> Aliases, string? Country, string Kind, string? Parent, string Summary,
    IReadOnlyList<SourceRecord> Sources, string FilePath);

public sealed record PlatformRecord(string Id, string Name, IReadOnlyList<string> FormerNames, string? Url);

public sealed record OrganisationRecord(string Id, string Name, IReadOnlyList<string> Aliases, string Kind, string? Country, string Url, string? Description, StatedNetworksRecord? StatedNetworks);

public sealed record StatedNetworksRecord(long Count, string Qualifier, PartialDate AsOf, string Url, string Title, string? Note);

public sealed record ReportRecord(string Id, string By, string Title, PartialDate Published, string? Url, string? Copy, string CopyKind, long? Networks, string? Note);

public sealed record AssetKindRecord(string Id, string Name, string Description);

public sealed record TopicRecord(string Id, string Name, string Description);
