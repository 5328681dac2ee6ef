using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Transparency.Api.Actors;
using Transparency.Api.Dataset;
using Transparency.Api.Operations;
using Transparency.Api.Stats;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class QueryType : ObjectGraphType
{
    public const int MaxFirst = 100;

    public QueryType()
    {
        Name = "Query";
        Description = "Publicly disclosed influence operations, their actors and disclosers. The same data and filters as the REST API under /v1.";

        Field<OperationType>("operation")
            .Description("One operation by id; null when there is none. Withdrawn and merged records are not returned.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The operation's id, e.g. spamouflage.")
            .Resolve(context =>
            {
                var id = context.GetArgument<string>("id");
                var summary = context.RequestServices!.GetRequiredService<OperationQueries>().Find(id);
                if (summary is not null)
                {
                    context.RequestServices!.GetRequiredService<OperationBatch>().Register([id]);
                }
                return summary;
            });

        Field<NonNullGraphType<ConnectionType<OperationType>>>("operations")
            .Description("Operations matching a filter, as a Relay connection: page with first and after.")
            .Argument<OperationFilterType>("filter", "Which operations; the same filters as GET /v1/operations.")
            .Argument<OperationOrderType>("orderBy", "The order (default NAME).")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxFirst} (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Resolve(context => OperationsConnection(context, GraphQLFilters.Read(context, context.RequestServices!.GetRequiredService<Vocabulary>())));

        Field<ActorType>("actor")
            .Description("One actor by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The actor's id, e.g. internet-research-agency.")
            .Resolve(context =>
            {
                var id = context.GetArgument<string>("id");
                var actor = context.RequestServices!.GetRequiredService<ActorQueries>().List(null).FirstOrDefault(a => a.Id == id);
                context.RequestServices!.GetRequiredService<ActorOperationsBatch>().Register(actor is null ? [] : [actor.Id]);
                return actor;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorType>>>>("actors")
            .Description("Every actor, or those of one country.")
            .Argument<StringGraphType>("country", "Only actors of this country (ISO 3166-1 alpha-2).")
            .Resolve(context =>
            {
                var actors = context.RequestServices!.GetRequiredService<ActorQueries>().List(context.GetArgument<string?>("country")?.ToUpperInvariant());
                context.RequestServices!.GetRequiredService<ActorOperationsBatch>().Register(actors.Select(a => a.Id));
                return actors;
            });

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
            .Resolve(context => context.RequestServices!.GetRequiredService<StatsQueries>()
                .Get(GraphQLFilters.Read(context, context.RequestServices!.GetRequiredService<Vocabulary>())));

        Field<NonNullGraphType<DatasetType>>("dataset")
            .Description("The version, provenance, checksum and licence of the data served.")
            .Resolve(context => DatasetEndpoints.GetDataset(Dataset(context), context.RequestServices!.GetRequiredService<Changes.ChangeQueries>()).Value);

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

    /// <summary>A page of operations as a Relay connection; the page's ids are registered so nested fields load in one batch.</summary>
    public static Connection<OperationSummary> OperationsConnection(IResolveFieldContext context, OperationFilter filter)
    {
        var first = First(context);
        var sortName = context.HasArgument("orderBy") ? context.GetArgument<string>("orderBy") : "name";
        OperationCursor? after = null;
        if (context.GetArgument<string?>("after") is { } cursorText)
        {
            after = OperationCursor.Decode(cursorText);
            if (after is null || after.Sort != sortName)
            {
                throw new ExecutionError("after is not a cursor of this query and order; start again without it.") { Code = "INVALID_CURSOR" };
            }
        }
        var queries = context.RequestServices!.GetRequiredService<OperationQueries>();
        var page = queries.List(filter, OperationSort.Parse(sortName), first, after);
        var wantsTotal = context.SubFields?.ContainsKey("totalCount") == true;
        return ToConnection(context, page, sortName, after is not null, wantsTotal ? queries.Count(filter) : null);
    }

    /// <summary>An actor's operations: the first page comes from the batch that loads every listed actor's at once.</summary>
    public static Connection<OperationSummary> ActorOperations(IResolveFieldContext<ActorSummary> context)
    {
        if (context.GetArgument<string?>("after") is not null)
        {
            return OperationsConnection(context, new OperationFilter { Actors = [context.Source.Id] });
        }
        var first = First(context);
        var (page, total) = context.RequestServices!.GetRequiredService<ActorOperationsBatch>().FirstPage(context.Source.Id, first);
        return ToConnection(context, page, "name", false, total);
    }

    private static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 50;
        return first is >= 1 and <= MaxFirst
            ? first
            : throw new ExecutionError($"first must be between 1 and {MaxFirst}; page with after for more.") { Code = "FIRST_OUT_OF_RANGE" };
    }

    private static Connection<OperationSummary> ToConnection(IResolveFieldContext context, OperationPage page, string sortName, bool hasPrevious, long? total)
    {
        context.RequestServices!.GetRequiredService<OperationBatch>().Register(page.Items.Select(i => i.Id));
        var sort = OperationSort.Parse(sortName);
        var edges = page.Items.Select(item => new Edge<OperationSummary>
        {
            Node = item,
            Cursor = new OperationCursor(sortName, SortValue(sort, item), item.Id).Encode(),
        }).ToList();
        return new Connection<OperationSummary>
        {
            Edges = edges,
            TotalCount = total is null ? null : (int)total,
            PageInfo = new PageInfo
            {
                HasNextPage = page.NextCursor is not null,
                HasPreviousPage = hasPrevious,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>The value a node sorts by, as the SQL of <see cref="OperationSort"/> computes it, for its cursor.</summary>
    private static object SortValue(OperationSort sort, OperationSummary item) => sort.Name.TrimStart('-') switch
    {
        "name" => item.Name,
        "firstSeen" => FirstDay(item.FirstSeen),
        "lastDisclosed" => item.LastDisclosed ?? "",
        "accountsRemoved" => item.AccountsRemoved ?? -1L,
        "followers" => item.MaxFollowers ?? -1L,
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private static string FirstDay(string? date) =>
        date is null ? "" : Transparency.Dataset.Schema.Formats.ParseDate(date)?.Earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static DatasetFile Dataset(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DatasetFile>();
}
