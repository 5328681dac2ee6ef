using GraphQL;
using Microsoft.Extensions.Primitives;
using Transparency.Api.Dataset;
using Transparency.Api.Http;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL;

/// <summary>
/// Turns the GraphQL <c>filter</c> argument into the same <see cref="OperationFilter"/> the REST API builds from
/// its query string, through the same checks, so that both APIs answer one question one way.
/// </summary>
public static class GraphQLFilters
{
    private static readonly Dictionary<string, string> RestNames = new(StringComparer.Ordinal)
    {
        ["actor"] = "actor",
        ["origin"] = "origin",
        ["target"] = "target",
        ["platform"] = "platform",
        ["disclosedBy"] = "disclosedBy",
        ["topic"] = "topic",
        ["disclosedFrom"] = "from",
        ["disclosedTo"] = "to",
        ["activeFrom"] = "activeFrom",
        ["activeTo"] = "activeTo",
        ["minAccounts"] = "minAccounts",
        ["minFollowers"] = "minFollowers",
        ["text"] = "q",
    };

    public static OperationFilter Read(IResolveFieldContext context, Vocabulary vocabulary)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("filter") ?? [];
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in input)
        {
            if (value is null)
            {
                continue;
            }
            values[RestNames[name]] = value switch
            {
                IEnumerable<object?> list => new StringValues([.. list.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))]),
                _ => new StringValues(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
            };
        }
        var query = new QueryParameters(new QueryCollection(values));
        var filter = OperationFilter.Read(query, vocabulary);
        if (query.HasErrors)
        {
            throw new ExecutionError(query.ErrorMessage) { Code = "INVALID_FILTER" };
        }
        return filter;
    }
}
