using System.Reflection;
using GraphQL;
using Transparency.Api.Aggregates;
using Transparency.Api.Operations;
using Transparency.Api.Query;

namespace Transparency.Api.GraphQL;

/// <summary>
/// GraphQL's arguments as the same typed query REST binds: <c>filter</c> is an <see cref="OperationFilter"/> already, and
/// <c>orderBy</c>, <c>first</c> and <c>after</c> fill the order and page of an <see cref="OperationQuery"/>. The same
/// validator checks them, naming fields as GraphQL callers wrote them.
/// </summary>
public static class GraphQLFilters
{
    public static OperationFilter Filter(IResolveFieldContext context) =>
        Checked(context.GetArgument<OperationFilter?>("filter") ?? new OperationFilter(), context);

    public static OperationQuery Query(IResolveFieldContext context, OperationFilter? filter = null)
    {
        var query = OperationQuery.Of(filter ?? context.GetArgument<OperationFilter?>("filter") ?? new OperationFilter());
        query.Sort = context.GetArgument<string?>("orderBy");
        query.Limit = context.GetArgument<int?>("first");
        query.Cursor = context.GetArgument<string?>("after");
        return Checked(query, context);
    }

    public static AggregateQuery Aggregate(IResolveFieldContext context)
    {
        var query = AggregateQuery.Of(context.GetArgument<OperationFilter?>("filter") ?? new OperationFilter());
        query.By = context.GetArgument<string[]?>("by");
        return Checked(query, context);
    }

    /// <summary>Whether the validator accepts the query as it stands (<see cref="PagePlans"/> answers only such queries).</summary>
    public static bool Accepts(OperationQuery query, IServiceProvider services) => QueryValidator.Validate(query, services, Name).Count == 0;

    private static T Checked<T>(T query, IResolveFieldContext context) where T : notnull
    {
        var errors = QueryValidator.Validate(query, context.RequestServices!, Name);
        if (errors.Count == 0)
        {
            return query;
        }
        var inFilter = errors.Keys.All(name => FilterNames.Contains(name));
        throw new ExecutionError(string.Join(" ", errors.SelectMany(e => e.Value))) { Code = inFilter ? "INVALID_FILTER" : "INVALID_ARGUMENT" };
    }

    private static readonly HashSet<string> FilterNames = [.. QueryValidator.Properties(typeof(OperationFilter)).Select(QueryValidator.GraphQLName)];

    private static string Name(PropertyInfo property) => property.Name switch
    {
        nameof(OperationQuery.Sort) => "orderBy",
        nameof(OperationQuery.Limit) => "first",
        nameof(OperationQuery.Cursor) => "after",
        _ => QueryValidator.GraphQLName(property),
    };
}
