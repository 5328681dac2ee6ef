using GraphQL.Types;
using Transparency.Api.GraphQL.Types;

namespace Transparency.Api.GraphQL;

/// <summary>The GraphQL schema: one query root over the same data and filters as the REST API.</summary>
public sealed class TransparencySchema : Schema
{
    public TransparencySchema(IServiceProvider services) : base(services)
    {
        Description = "Transparency: publicly disclosed influence operations, with the source behind every figure and attribution.";
        Query = services.GetRequiredService<QueryType>();
        // Types mapped from records find their fields' graph types here.
        RegisterTypeMapping(typeof(Aggregates.AggregateCell), typeof(AggregateCellType));
    }
}
