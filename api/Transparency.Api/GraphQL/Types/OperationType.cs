using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class OperationType : ObjectGraphType<OperationSummary>
{
    public OperationType()
    {
        Name = "Operation";
        Description = "A publicly disclosed influence operation: its names, origin and targets, who disclosed it and what was removed, and the source behind every claim.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Permanent id, e.g. spamouflage.");
        Field(o => o.Name).Description("The name most sources use.");
        Field(o => o.Summary).Description("Two to four sentences.");
        Field(o => o.Domestic).Description("True when the operation targeted its own country's people.");
        Field(o => o.Origin).Description("Countries it was run from (ISO 3166-1 alpha-2).");
        Field(o => o.Targets).Description("Countries it targeted (ISO 3166-1 alpha-2).");
        Field(o => o.Platforms).Description("Platforms it is known on.");
        Field(o => o.DisclosedBy).Description("Ids of the organisations that disclosed it.");
        Field(o => o.FirstSeen, nullable: true).Description("Earliest reported activity: YYYY, YYYY-MM or YYYY-MM-DD.");
        Field(o => o.LastSeen, nullable: true).Description("Latest reported activity, if a source gives one.");
        Field(o => o.FirstDisclosed, nullable: true).Description("Day of the first disclosure.");
        Field(o => o.LastDisclosed, nullable: true).Description("Day of the latest disclosure.");
        Field(o => o.Published, nullable: true).Description("When the record was first published in the dataset (UTC), from git history.");
        Field(o => o.Modified, nullable: true).Description("When the record last changed (UTC), from git history.");
        Field<NonNullGraphType<ReachTotalsType>>("totals").Description("Totals across disclosures, each disclosure counted once.")
            .Resolve(c => new ReachTotalsDto(c.Source.AccountsRemoved, c.Source.AssetsRemoved, c.Source.MaxFollowers));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AliasType>>>>("aliases").Description("Other names, each with the source that uses it.")
            .Resolve(c => Detail(c).Aliases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetLanguages").Description("Languages of the content (ISO 639-1).")
            .Resolve(c => Detail(c).Targets.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetAudiences").Description("Targeted audiences in words.")
            .Resolve(c => Detail(c).Targets.Audiences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Description("Topic ids.")
            .Resolve(c => Detail(c).Topics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tactics").Description("DISARM technique ids.")
            .Resolve(c => Detail(c).Tactics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttributionType>>>>("attributions").Description("Who disclosers said is behind it, in their own terms.")
            .Resolve(c => Detail(c).Attributions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisclosureType>>>>("disclosures").Description("Every public disclosure, with removals and reach figures.")
            .Resolve(c => Detail(c).Disclosures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationType>>>>("related").Description("Links to other operations, as sources state them.")
            .Resolve(c => Detail(c).Related);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Description("Every page the record cites.")
            .Resolve(c => Detail(c).Sources);
    }

    /// <summary>The whole record, kept in memory since start-up: nested fields cost no query at all.</summary>
    private static OperationDetail Detail(global::GraphQL.IResolveFieldContext<OperationSummary> context) =>
        context.RequestServices!.GetRequiredService<OperationQueries>().Get(context.Source.Id)!;
}
