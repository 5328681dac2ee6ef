using System.Reflection;
using GraphQL.Types;
using Transparency.Api.Aggregates;
using Transparency.Api.Query;

namespace Transparency.Api.GraphQL.Types;

/// <summary>The groupings of <see cref="AggregateQuery.By"/> as a GraphQL enum.</summary>
public sealed class AggregateGroupingType : EnumerationGraphType
{
    public AggregateGroupingType()
    {
        Name = "AggregateGrouping";
        Description = "What to group figures by: see the by argument of aggregates.";
        foreach (var value in typeof(AggregateQuery).GetProperty(nameof(AggregateQuery.By))!.GetCustomAttribute<OneOfAttribute>()!.Values)
        {
            Add(value.ToUpperInvariant(), value, $"Group by {value}.");
        }
    }
}
