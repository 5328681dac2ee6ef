using GraphQL.Types;
using Transparency.Api.Stats;

namespace Transparency.Api.GraphQL.Types;

public sealed class FacetCountType : ObjectGraphType<FacetCount>
{
    public FacetCountType()
    {
        Name = "FacetCount";
        Description = "One facet value and its count.";
        Field(f => f.Key).Description("The value: a country code, platform id, organisation id or year.");
        Field(f => f.Count).Description("Operations (or accounts, for the accountsRemoved facets) with that value.");
    }
}
