using GraphQL.Types;
using GraphQL.Types.Relay;
using Transparency.Api.Actors;
using Transparency.Api.Dataset;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class ActorType : ObjectGraphType<ActorSummary>
{
    public ActorType()
    {
        Name = "Actor";
        Description = "A government body, company, group or person to which operations are attributed.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The actor's id.");
        Field(a => a.Name).Description("Its name, as sources give it.");
        Field(a => a.Country, nullable: true).Description("ISO 3166-1 alpha-2, if known.");
        Field(a => a.Kind).Description("government, military, law-enforcement, intelligence, state-media, ruling-party, political-party, private-firm, individual or unknown.");
        Field(a => a.Parent, nullable: true).Description("The id of the actor this one is part of.");
        Field<NonNullGraphType<ConnectionType<OperationType>>>("operations")
            .Description("Operations attributed to this actor, as a connection.")
            .Argument<IntGraphType>("first", "How many, at most 100 (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Resolve(QueryType.ActorOperations);
    }
}

public sealed class PlatformType : ObjectGraphType<PlatformDto>
{
    public PlatformType()
    {
        Name = "Platform";
        Description = "A platform operations ran on.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Platform id, used by the platform filter.");
        Field(p => p.Name).Description("Display name.");
        Field(p => p.Url, nullable: true).Description("Its address.");
        Field(p => p.FormerNames).Description("Names it had before (Twitter for X).");
        Field(p => p.OperationCount).Description("How many listed operations are known on it.");
    }
}

public sealed class OrganisationType : ObjectGraphType<OrganisationDto>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "An organisation that discloses or attributes operations.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Organisation id, used by the disclosedBy filter.");
        Field(o => o.Name).Description("Display name.");
        Field(o => o.Kind).Description("platform, research, government or media.");
        Field(o => o.Country, nullable: true).Description("Where it is based, if known.");
        Field(o => o.Url).Description("Its address.");
        Field(o => o.Description, nullable: true).Description("One sentence, if given.");
        Field(o => o.DisclosureCount).Description("How many disclosures of listed operations it made.");
    }
}

public sealed class TopicType : ObjectGraphType<TopicDto>
{
    public TopicType()
    {
        Name = "Topic";
        Description = "A subject operations push or attack.";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Topic id, used by the topic filter.");
        Field(t => t.Name).Description("Display name.");
        Field(t => t.Description).Description("What falls under it.");
        Field(t => t.OperationCount).Description("How many listed operations touch it.");
    }
}

public sealed class FacetCountType : ObjectGraphType<FacetCount>
{
    public FacetCountType()
    {
        Name = "FacetCount";
        Description = "One facet value and its count.";
        Field(f => f.Key).Description("The value: a country code, platform id, organisation id or year.");
        Field(f => f.Count).Description("Operations (or accounts, for the accountsRemoved facets) with that value.");
    }
}

public sealed class StatsType : ObjectGraphType<StatsDto>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "Facet counts over the operations that match a filter, as in GET /v1/stats.";
        Field(s => s.Operations).Description("How many operations match.");
        Field(s => s.ByOrigin, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Operations by country of origin.");
        Field(s => s.ByTarget, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Operations by targeted country.");
        Field(s => s.ByPlatform, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Operations by platform.");
        Field(s => s.ByDisclosedBy, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Operations by disclosing organisation.");
        Field(s => s.ByDisclosureYear, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Operations by year of disclosure.");
        Field(s => s.AccountsRemovedByPlatform, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Accounts removed, by platform.");
        Field(s => s.AccountsRemovedByYear, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>)).Description("Accounts removed, by year of disclosure.");
    }
}

public sealed class DatasetType : ObjectGraphType<DatasetInfo>
{
    public DatasetType()
    {
        Name = "Dataset";
        Description = "What is being served: versions, provenance, checksum, licence.";
        Field(d => d.SchemaVersion).Description("SemVer of the SQLite schema.");
        Field(d => d.DataVersion).Description("The data release.");
        Field(d => d.SourceCommit).Description("The git commit the database was built from.");
        Field(d => d.BuiltAt).Description("The commit's time.");
        Field(d => d.InputSha256).Description("SHA-256 over every data file's path and bytes.");
        Field(d => d.Sha256).Description("SHA-256 of the SQLite file.");
        Field(d => d.Licence).Description("The data's licence (SPDX id).");
        Field(d => d.LicenceUrl).Description("The licence's text.");
        Field(d => d.Citation).Description("How to cite the dataset.");
        Field(d => d.Releases, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReleaseType>>>)).Description("Every release, from the index published beside the file.");
    }
}

public sealed class ReleaseType : ObjectGraphType<Changes.ReleaseDto>
{
    public ReleaseType()
    {
        Name = "Release";
        Description = "A release of the dataset.";
        Field(r => r.Version).Description("The data version.");
        Field(r => r.Date, nullable: true).Description("The release date.");
        Field(r => r.BuiltAt, nullable: true).Description("The time of the commit it was built from.");
        Field(r => r.Sha256, nullable: true).Description("The SHA-256 of its database.");
    }
}

public sealed class ChangeType : ObjectGraphType<Changes.ChangeDto>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "One operation that changed since a point in time.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The operation id.");
        Field(c => c.Name).Description("Its name.");
        Field(c => c.Change).Description("added, changed, withdrawn or merged.");
        Field(c => c.Status).Description("active, withdrawn or merged.");
        Field(c => c.MergedInto, nullable: true).Description("For a merged record, its successor.");
        Field(c => c.Published, nullable: true).Description("When the record was first published (UTC).");
        Field(c => c.Modified, nullable: true).Description("When it last changed (UTC).");
    }
}

public sealed class ChangesType : ObjectGraphType<Changes.ChangesDto>
{
    public ChangesType()
    {
        Name = "Changes";
        Description = "What changed in the served data since a release or a time.";
        Field(c => c.Since).Description("The point in time compared against (UTC).");
        Field(c => c.SinceVersion, nullable: true).Description("The release that point belongs to, when a version was given.");
        Field(c => c.Until).Description("When the served data was built (UTC).");
        Field(c => c.DataVersion).Description("The served data version.");
        Field(c => c.Operations, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>)).Description("The operations that changed, oldest change first.");
    }
}
