using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class AliasType : ObjectGraphType<AliasDto>
{
    public AliasType()
    {
        Name = "Alias";
        Description = "Another name of an operation, as a source uses it.";
        Field(a => a.Name).Description("The other name, e.g. DRAGONBRIDGE.");
        Field(a => a.By, nullable: true).Description("The organisation whose label it is, if one.");
        Field(a => a.Source).Description("The id of the source (in sources) that uses the name.");
    }
}

public sealed class ActorRefType : ObjectGraphType<ActorRefDto>
{
    public ActorRefType()
    {
        Name = "ActorRef";
        Description = "An actor named by an attribution; query actor(id) for the rest.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The actor's id.");
        Field(a => a.Name).Description("The actor's name.");
    }
}

public sealed class AttributionType : ObjectGraphType<AttributionDto>
{
    public AttributionType()
    {
        Name = "Attribution";
        Description = "Who a disclosing organisation said is behind an operation, in its own terms.";
        Field(a => a.Actor, type: typeof(ActorRefType)).Description("The actor named, if any.");
        Field(a => a.Country, nullable: true).Description("The country attributed, if any.");
        Field(a => a.By).Description("The organisation that made the attribution.");
        Field(a => a.Date).Description("When: YYYY, YYYY-MM or YYYY-MM-DD.");
        Field(a => a.Level).Description("direct, linked-individuals, proxy, origin-only or unattributed.");
        Field(a => a.Confidence).Description("As the discloser worded it: high, moderate, low, stated or none.");
        Field(a => a.Statement).Description("A paraphrase of what the discloser said.");
        Field(a => a.Source).Description("The id of the source of the attribution.");
    }
}

public sealed class DisclosureType : ObjectGraphType<DisclosureDto>
{
    public DisclosureType()
    {
        Name = "Disclosure";
        Description = "One public disclosure of an operation by one organisation.";
        Field(d => d.Id).Description("Id, unique within the operation.");
        Field(d => d.By).Description("The disclosing organisation's id.");
        Field(d => d.Date).Description("When it was published: YYYY, YYYY-MM or YYYY-MM-DD.");
        Field(d => d.Summary, nullable: true).Description("What it found.");
        Field(d => d.Source).Description("The id of the source reporting the disclosure.");
        Field(d => d.Platforms).Description("Platforms the discloser said the operation used.");
        Field(d => d.Actions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PlatformActionType>>>)).Description("What was removed, per platform and asset kind, as reported.");
        Field(d => d.Reach, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReachFigureType>>>)).Description("Audience and scale figures, as reported.");
    }
}

public sealed class PlatformActionType : ObjectGraphType<PlatformActionDto>
{
    public PlatformActionType()
    {
        Name = "PlatformAction";
        Description = "Assets of one kind removed from one platform, as reported.";
        Field(a => a.Platform).Description("The platform id.");
        Field(a => a.Asset).Description("What was removed: account, page, group, channel…");
        Field(a => a.Count).Description("How many, as the source gives it.");
        Field(a => a.Qualifier).Description("How the source qualified it: exact, about, at-least, more-than, up-to, fewer-than.");
        Field(a => a.Note, nullable: true).Description("What the count covers, when not plain.");
        Field(a => a.Source).Description("The id of the source of this figure.");
        Field(a => a.CountsInTotals).Description("Whether the figure enters the totals (alternatives from other sources, restatements and superseded running totals do not).");
        Field(a => a.Counting).Description("new (removed in this disclosure), cumulative (the discloser's running total to date) or restatement (repeats an earlier figure).");
    }
}

public sealed class ReachFigureType : ObjectGraphType<ReachFigureDto>
{
    public ReachFigureType()
    {
        Name = "ReachFigure";
        Description = "An audience or scale figure, as reported.";
        Field(r => r.Metric).Description("followers, group-members, subscribers, views, engagements, posts, ad-spend or platforms-used.");
        Field(r => r.Value).Description("The figure, as the source gives it.");
        Field(r => r.Qualifier).Description("How the source qualified it.");
        Field(r => r.Platform, nullable: true).Description("The platform it is about, if one.");
        Field(r => r.Currency, nullable: true).Description("For ad-spend, the ISO 4217 currency.");
        Field(r => r.Note, nullable: true).Description("What the figure covers, when not plain.");
        Field(r => r.Source).Description("The id of the source of this figure.");
        Field(r => r.CountsInTotals).Description("Whether the figure may enter the totals.");
        Field(r => r.Counting).Description("new (measured in this disclosure), cumulative (a running total to date) or restatement (repeats an earlier figure).");
    }
}

public sealed class RelationType : ObjectGraphType<RelationDto>
{
    public RelationType()
    {
        Name = "Relation";
        Description = "A link to another operation, as a source states it.";
        Field(r => r.Operation).Description("The other operation's id.");
        Field(r => r.Relation).Description("overlaps, successor-of, part-of or same-as.");
        Field(r => r.Source).Description("The id of the source stating the relation.");
    }
}

public sealed class SourceType : ObjectGraphType<SourceDto>
{
    public SourceType()
    {
        Name = "Source";
        Description = "A public page a record cites.";
        Field(s => s.Id).Description("The id that figures and attributions cite.");
        Field(s => s.Url).Description("The page that was read.");
        Field(s => s.Title).Description("Its title as published.");
        Field(s => s.Publisher).Description("Who published it.");
        Field(s => s.Published, nullable: true).Description("When, if the page shows it.");
        Field(s => s.Kind).Description("primary (the discloser's own page), mirror (a full copy of the discloser's text on another host) or secondary (a news account).");
        Field(s => s.Original, nullable: true).Description("For a mirror or secondary source, the report it copies or quotes.");
        Field(s => s.Archive, nullable: true).Description("An archived copy, if recorded.");
    }
}

public sealed class ReachTotalsType : ObjectGraphType<ReachTotalsDto>
{
    public ReachTotalsType()
    {
        Name = "ReachTotals";
        Description = "Totals derived so that conflicting reports are never added up.";
        Field(t => t.AccountsRemoved, nullable: true).Description("Accounts removed across disclosures, no account counted twice; null when no disclosure gives an account figure.");
        Field(t => t.AssetsRemoved, nullable: true).Description("All assets removed across disclosures; null when no disclosure gives a removal figure.");
        Field(t => t.MaxFollowers, nullable: true).Description("The largest followers figure counted, if any.");
    }
}
