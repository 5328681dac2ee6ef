using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Transparency.Api.Actors;
using Transparency.Api.Aggregates;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Publicly disclosed influence operations, their actors and disclosers. The same data and filters as the REST API under /v1.";

        Field<OperationType>("operation")
            .Description("One operation by id; null when there is none. Withdrawn and merged records are not returned.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The operation's id, e.g. spamouflage.")
            .Resolve(context => context.RequestServices!.GetRequiredService<OperationQueries>().Find(context.GetArgument<string>("id")));

        Field<NonNullGraphType<ConnectionType<OperationType>>>("operations")
            .Description("Operations matching a filter, as a Relay connection: page with first and after.")
            .Argument<OperationFilterType>("filter", "Which operations; the same filters as GET /v1/operations.")
            .Argument<OperationOrderType>("orderBy", "The order (default RELEVANCE with filter.text, NAME otherwise).")
            .Argument<IntGraphType>("first", $"How many, 1 to {OperationQuery.MaxLimit} (default {OperationQuery.DefaultLimit}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Resolve(context => OperationsConnection(context, GraphQLFilters.Query(context)));

        Field<ActorType>("actor")
            .Description("One actor by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The actor's id, e.g. internet-research-agency.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ActorQueries>().Find(context.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorType>>>>("actors")
            .Description("Every actor, or those of one country.")
            .Argument<StringGraphType>("country", "Only actors of this country (ISO 3166-1 alpha-2).")
            .Resolve(context => context.RequestServices!.GetRequiredService<ActorQueries>().List(context.GetArgument<string?>("country")?.ToUpperInvariant()));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlatformType>>>>("platforms")
            .Description("Every platform, with how many operations are known on it.")
            .Resolve(context => context.RequestServices!.GetRequiredService<VocabularyQueries>().Platforms());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("organisations")
            .Description("Every disclosing organisation, with how many disclosures it made.")
            .Resolve(context => context.RequestServices!.GetRequiredService<VocabularyQueries>().Organisations());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("topics")
            .Description("Every topic, with how many operations touch it.")
            .Resolve(context => context.RequestServices!.GetRequiredService<VocabularyQueries>().Topics());

        Field<NonNullGraphType<StatsType>>("stats")
            .Description("Facet counts under a filter, as GET /v1/stats.")
            .Argument<OperationFilterType>("filter", "Which operations to count; the same filters as operations.")
            .Resolve(context => context.RequestServices!.GetRequiredService<StatsQueries>().Get(GraphQLFilters.Filter(context)));

        Field<NonNullGraphType<AggregatesType>>("aggregates")
            .Description("Removal and reach figures of the operations a filter selects, grouped, as GET /v1/aggregates: each counted figure once; disclosedFrom/disclosedTo choose the disclosures whose figures are summed.")
            .Argument<OperationFilterType>("filter", "Which operations; the same filters as operations.")
            .Argument<ListGraphType<NonNullGraphType<AggregateGroupingType>>>("by", "What to group by, in this order; none gives one cell, the total. An operation run from two countries counts under each origin.")
            .Resolve(context => context.RequestServices!.GetRequiredService<AggregateQueries>().Get(GraphQLFilters.Aggregate(context)));

        Field<NonNullGraphType<DatasetType>>("dataset")
            .Description("The version, provenance, checksum and licence of the data served.")
            .Resolve(context => DatasetInfo.Of(context.RequestServices!.GetRequiredService<DatasetFile>(), context.RequestServices!.GetRequiredService<Changes.ChangeQueries>().Releases));

        Field<ChangesType>("changes")
            .Description("Operations added, changed, withdrawn or merged since a release or a time, for incremental sync; an error (INVALID_SINCE) when since is neither.")
            .Argument<NonNullGraphType<StringGraphType>>("since", "A release version (see dataset.releases) or a date or time, e.g. 2026-11-01.")
            .Resolve(context =>
            {
                var since = context.GetArgument<string>("since");
                var queries = context.RequestServices!.GetRequiredService<Changes.ChangeQueries>();
                return queries.Since(since) ?? throw new ExecutionError($"'{since}' is neither a release version (see dataset.releases) nor a date such as 2026-11-01, as GET /v1/changes answers.") { Code = "INVALID_SINCE" };
            });
    }

    /// <summary>
    /// A page of operations as a Relay connection. Lists are answered from the index kept in memory and nested fields
    /// from the records read at start-up, so neither a page nor an actor's operations runs SQL (except a full-text search).
    /// </summary>
    public static Connection<OperationSummary> OperationsConnection(IResolveFieldContext context, OperationQuery query)
    {
        var rows = context.RequestServices!.GetRequiredService<OperationQueries>().List(query, query.Order(), query.PageSize(), query.After());
        return ToConnection(rows, query.Cursor is not null, context.SubFields?.ContainsKey("totalCount") == true);
    }

    /// <summary>An actor's operations: the operations filter with the actor's id.</summary>
    public static Connection<OperationSummary> ActorOperations(IResolveFieldContext<ActorSummary> context) =>
        OperationsConnection(context, GraphQLFilters.Query(context, new OperationFilter { Actor = [context.Source.Id] }));

    /// <summary>Edges whose cursors are made from each row's own sort value.</summary>
    private static Connection<OperationSummary> ToConnection(OperationQueries.OperationRows rows, bool hasPrevious, bool withTotal)
    {
        var edges = rows.Items.Select((item, i) => new Edge<OperationSummary> { Node = item, Cursor = rows.Cursor(i) }).ToList();
        return new Connection<OperationSummary>
        {
            Edges = edges,
            TotalCount = withTotal ? (int)rows.Total : null,
            PageInfo = new PageInfo
            {
                HasNextPage = rows.HasMore,
                HasPreviousPage = hasPrevious,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
