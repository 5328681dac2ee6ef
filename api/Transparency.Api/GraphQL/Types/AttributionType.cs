using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class AttributionType : ObjectGraphType<AttributionDto>
{
    public AttributionType()
    {
        Name = "Attribution";
        Description = "Who a disclosing organisation said is behind an operation, in its own terms.";
        Field(a => a.Actor, type: typeof(ActorRefType)).Description("The actor named, if any.");
        Field(a => a.Country, nullable: true).Description("The country attributed, if any.");
        Field(a => a.By).Description("The organisation that made the attribution.");
        Field(a => a.Date).Description("When: YYYY, YYYY-MM or YYYY-MM-DD.");
        Field(a => a.Level).Description("direct, linked-individuals, proxy, origin-only or unattributed.");
        Field(a => a.Confidence).Description("As the discloser worded it: high, moderate, low, stated or none.");
        Field(a => a.Statement).Description("A paraphrase of what the discloser said.");
        Field(a => a.Source).Description("The id of the source of the attribution.");
    }
}
