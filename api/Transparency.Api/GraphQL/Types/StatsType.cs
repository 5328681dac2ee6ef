using GraphQL.Types;
using Transparency.Api.Stats;

namespace Transparency.Api.GraphQL.Types;

public sealed class StatsType : ObjectGraphType<StatsDto>
{
    public StatsType()
    {
        Name = "Stats";
        Description = "Facet counts over the operations that match a filter, as in GET /v1/stats.";
        Field(s => s.Operations);
        Field(s => s.ByOrigin, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.ByTarget, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.ByPlatform, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.ByDisclosedBy, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.ByDisclosureYear, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.AccountsRemovedByPlatform, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
        Field(s => s.AccountsRemovedByYear, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountType>>>));
    }
}
