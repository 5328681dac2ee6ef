using GraphQL.Types;
using Transparency.Api.Aggregates;

namespace Transparency.Api.GraphQL.Types;

public sealed class AggregateCellType : AutoRegisteringObjectGraphType<AggregateCell>
{
    public AggregateCellType()
    {
        Name = "AggregateCell";
        Description = "One cell of an aggregate: the values of the groupings asked for, and the figures summed under them.";
    }
}
