using GraphQL.Types;
using Transparency.Api.Aggregates;

namespace Transparency.Api.GraphQL.Types;

public sealed class AggregatesType : AutoRegisteringObjectGraphType<AggregateResult>
{
    public AggregatesType()
    {
        Name = "Aggregates";
        Description = "Removal and reach figures summed by the groupings asked for, as GET /v1/aggregates.";
    }
}
