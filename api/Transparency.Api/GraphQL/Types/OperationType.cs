using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class OperationType : ObjectGraphType<OperationSummary>
{
    public OperationType()
    {
        Name = "Operation";
        Description = "A publicly disclosed influence operation: its names, origin and targets, who disclosed it and what was removed, and the source behind every claim.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(o => o.Name);
        Field(o => o.Summary);
        Field(o => o.Domestic);
        Field(o => o.Origin);
        Field(o => o.Targets);
        Field(o => o.Platforms);
        Field(o => o.DisclosedBy);
        Field(o => o.FirstSeen, nullable: true);
        Field(o => o.LastSeen, nullable: true);
        Field(o => o.FirstDisclosed, nullable: true);
        Field(o => o.LastDisclosed, nullable: true);
        Field(o => o.Published, nullable: true);
        Field(o => o.Modified, nullable: true);
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
